import { z } from 'zod';
import { changeReason } from './fields';
import { isTooLarge, UPLOAD_TOO_LARGE } from './upload-limit';

/**
 * An uploaded import: a non-empty CSV file within the size limit, whether to only check it, and
 * optionally why (given with every change the import makes, as an edit's reason is).
 */
export const importUploadSchema = z.object({
  file: z
    .instanceof(File, { message: 'Choose a CSV file to import.' })
    .refine((f) => f.size > 0, { message: 'Choose a CSV file to import; this one is empty.' })
    .refine((f) => !isTooLarge(f.size), { message: UPLOAD_TOO_LARGE })
    .refine((f) => /\.csv$/i.test(f.name) || f.type === 'text/csv', { message: 'Choose a .csv file.' }),
  dryRun: z.literal('on').optional().transform(Boolean),
  reason: changeReason,
});

import { z } from 'zod';
import { changeReason } from './fields';

/** The largest CSV the upload form takes; the command line has no such limit. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * An uploaded import: a non-empty CSV file within the size limit, whether to only check it, and
 * optionally why (given with every change the import makes, as an edit's reason is).
 */
export const importUploadSchema = z.object({
  file: z
    .instanceof(File, { message: 'Choose a CSV file to import.' })
    .refine((f) => f.size > 0, { message: 'Choose a CSV file to import; this one is empty.' })
    .refine((f) => f.size <= MAX_UPLOAD_BYTES, { message: `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; import it with npm run import instead.` })
    .refine((f) => /\.csv$/i.test(f.name) || f.type === 'text/csv', { message: 'Choose a .csv file.' }),
  dryRun: z.literal('on').optional().transform(Boolean),
  reason: changeReason,
});

import { z } from 'zod';
import { LIMITS, optionalLongText, optionalText, optionalUrl, pastDate, requiredText } from './fields';

/** A source: who said it, where it was published, and when. */
export const sourceSchema = z.object({
  reportingBody: requiredText(LIMITS.short, 'who announced the figures'),
  publisher: optionalText(LIMITS.short),
  title: optionalText(LIMITS.title),
  url: optionalUrl,
  publishedOn: pastDate,
  fullText: optionalLongText(LIMITS.text),
});

export type SourceInput = z.output<typeof sourceSchema>;

/** Removing a source that no figure cites: the reason is kept in the history with the whole source. */
export const removeSourceSchema = z.object({
  id: z.coerce.number({ error: 'Choose a source.' }).int().positive({ message: 'Choose a source.' }),
  reason: requiredText(LIMITS.note, 'why the source is removed'),
});

import { z } from 'zod';
import { isoDate, LIMITS, optionalLongText, pastDate, requiredText, slug } from './fields';

const dates = z.object({ startDate: pastDate, endDate: isoDate.optional().or(z.literal('')) });

/** An event as editors enter it: where and when something happened. */
export const eventSchema = z
  .object({
    slug,
    name: requiredText(LIMITS.title, 'the event’s name'),
    country: requiredText(LIMITS.short, 'the country'),
    startDate: pastDate,
    endDate: isoDate.optional().or(z.literal('').transform(() => undefined)),
    description: optionalLongText(LIMITS.note),
  })
  .superRefine((e, ctx) => {
    if (e.endDate && e.endDate < e.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The end date must not be before the start date.' });
    }
    // Runs whenever both dates are valid, even if another field is not, so a form shows every problem at once.
  }, { when: (p) => dates.safeParse(p.value).success });

export type EventInput = z.output<typeof eventSchema>;

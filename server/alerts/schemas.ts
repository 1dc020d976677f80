import { z } from 'zod';
import { ALERT_FREQUENCIES } from '../../db/schema.ts';
import { recordId } from '../ids.ts';
import { searchJobsInput } from '../jobs/schemas.ts';

/** A seeker keeps at most this many alerts: each costs a search per period. */
export const MAX_ALERTS_PER_SEEKER = 20;

/** The filters of jobs.search, without its query and paging: what an alert remembers. */
export const alertFiltersInput = searchJobsInput.omit({ q: true, cursor: true, limit: true }).strict();
export type AlertFilters = z.infer<typeof alertFiltersInput>;

export const createAlertInput = z
  .object({
    q: searchJobsInput.shape.q,
    filters: alertFiltersInput.default({}),
    frequency: z.enum(ALERT_FREQUENCIES, { error: 'Choose daily or weekly.' }),
  })
  .strict();
export type CreateAlertInput = z.infer<typeof createAlertInput>;

export const alertIdInput = z.object({ id: recordId }).strict();
export const jobIdInput = z.object({ jobId: recordId }).strict();

export const settingsInput = z
  .object({
    matchThreshold: z
      .number()
      .int('Use a whole percentage.')
      .min(0, 'Use a percentage from 0 to 100.')
      .max(100, 'Use a percentage from 0 to 100.'),
    matchEmails: z.boolean(),
  })
  .strict();

/** Stored filters read back: anything a later version of search no longer takes is dropped, not fatal. */
export function readStoredFilters(stored: unknown): AlertFilters {
  const parsed = searchJobsInput.omit({ q: true, cursor: true, limit: true }).safeParse(stored);
  return parsed.success ? parsed.data : {};
}

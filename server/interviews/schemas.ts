/** What the interview procedures accept: checked here, at the boundary, before any logic runs. */
import { z } from 'zod';
import { recordId } from '../ids.ts';

export const MAX_SLOTS = 10;
export const MAX_INTERVIEWERS = 10;
export const LONGEST_SLOT_MS = 8 * 60 * 60_000;

/** An IANA zone name the runtime knows ("Europe/Berlin"): Intl refuses any other. */
export function isIanaZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const instant = z.iso.datetime({
  offset: true,
  error: 'Give each time as an ISO 8601 date and time with its offset, like 2027-03-30T10:00:00+02:00.',
});

export const slotInput = z
  .object({ start: instant, end: instant })
  .strict()
  .transform((slot) => ({ start: new Date(slot.start), end: new Date(slot.end) }))
  .refine((slot) => slot.end > slot.start, 'Each time must end after it starts.')
  .refine(
    (slot) => slot.end.getTime() - slot.start.getTime() <= LONGEST_SLOT_MS,
    'An interview lasts at most 8 hours.',
  );

export const slotsInput = z
  .array(slotInput)
  .min(1, 'Propose at least one time.')
  .max(MAX_SLOTS, `Propose at most ${MAX_SLOTS} times.`);

export const timeZoneInput = z
  .string()
  .max(64, 'This is not a time zone.')
  .refine(isIanaZone, 'Choose a time zone like Europe/Berlin.');

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);

const videoLink = z
  .string()
  .trim()
  .max(500, 'A video link can be at most 500 characters.')
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .default(null)
  .refine(
    (v) => v === null || /^https:\/\/[^\s/]+\.[^\s]*$/.test(v),
    'A video link starts with https:// and names a site.',
  );

const interviewerIds = z
  .array(recordId)
  .min(1, 'Choose at least one interviewer.')
  .max(MAX_INTERVIEWERS, `Choose at most ${MAX_INTERVIEWERS} interviewers.`);

export const proposeInput = z.object({
  applicationId: recordId,
  slots: slotsInput,
  timeZone: timeZoneInput,
  location: optionalText(200, 'A location'),
  videoLink,
  interviewerIds,
});
export type ProposeInput = z.output<typeof proposeInput>;

/** New times for the same interview; where, who and the zone stay unless given. */
export const rescheduleInput = z.object({
  interviewId: recordId,
  slots: slotsInput,
  timeZone: timeZoneInput.optional(),
});
export type RescheduleInput = z.output<typeof rescheduleInput>;

export const chooseInput = z.object({ interviewId: recordId, slotId: recordId });
export const requestOtherTimesInput = z.object({
  interviewId: recordId,
  message: optionalText(1_000, 'The message'),
});
export const cancelInput = z.object({ interviewId: recordId, reason: optionalText(1_000, 'The reason') });
export const forApplicationInput = z.object({ applicationId: recordId });

/** Interview times in the browser's own zone: what a person reads, and what a form sends. */

/** The browser's IANA zone ("Europe/Berlin"). */
export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "Tuesday, March 30, 2027, 10:00 AM – 11:00 AM" in this browser's zone. */
export function slotLabel(start: string, end: string): string {
  const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' }).format(new Date(start));
  const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
  return `${day}, ${time.format(new Date(start))} – ${time.format(new Date(end))}`;
}

/**
 * A date and a time typed in this browser's zone (from <input type="date"> and "time") as an
 * ISO 8601 instant with its offset, and the end `minutes` later; null when either is missing.
 */
export function slotFromInputs(date: string, time: string, minutes: number): { start: string; end: string } | null {
  if (!date || !time) return null;
  const start = new Date(`${date}T${time}`);
  if (Number.isNaN(start.getTime())) return null;
  return { start: start.toISOString(), end: new Date(start.getTime() + minutes * 60_000).toISOString() };
}

export const STATUS_TEXT: Record<string, string> = {
  proposed: 'Times proposed',
  scheduled: 'Scheduled',
  other_times_requested: 'Other times asked for',
  cancelled: 'Cancelled',
};

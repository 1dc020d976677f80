/** Interview times typed in the browser's own zone, as the API takes them (lib/format.ts shows them). */

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

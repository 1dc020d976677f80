import type { AlertFrequency } from '../../db/schema.ts';

/** The UTC day, 2026-11-29. */
const dayOf = (now: Date) => now.toISOString().slice(0, 10);

/** The ISO 8601 week, 2026-W48: weeks start on Monday, week 1 holds the year's first Thursday. */
function isoWeekOf(now: Date): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The period a digest belongs to: one digest per alert and period. */
export function periodOf(frequency: AlertFrequency, now: Date): string {
  return frequency === 'daily' ? dayOf(now) : isoWeekOf(now);
}

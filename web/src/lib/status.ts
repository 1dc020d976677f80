/**
 * The one map from an application's or a job's state to its colour (the tones are CSS custom
 * properties in styles.css): new work is blue, moving is violet, good news green, ended grey.
 */
export type StatusTone = 'new' | 'progress' | 'good' | 'ended' | 'bad';

export const STATUS_TONE: Record<string, StatusTone> = {
  submitted: 'new',
  reviewed: 'new',
  draft: 'new',
  interview: 'progress',
  offer: 'progress',
  accepted: 'good',
  active: 'good',
  running: 'good',
  rejected: 'ended',
  withdrawn: 'ended',
  closed: 'ended',
  stopped: 'ended',
};

/** The classes of a badge for this state. */
export const statusClass = (status: string) => `badge status-${STATUS_TONE[status] ?? 'ended'}`;

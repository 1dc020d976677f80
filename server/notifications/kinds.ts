/**
 * The kinds of notification, who gets each, what the preferences page calls it, and the
 * defaults a person has before choosing (everything on: each kind is about the person's own
 * applications, jobs or requests, and each email carries a one-click unsubscribe).
 */
import { NOTIFICATION_KINDS, type NotificationKind, type UserType } from '../../db/schema.ts';

export { NOTIFICATION_KINDS, type NotificationKind };

export const NOTIFICATION_CHANNELS = ['inApp', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export interface KindInfo {
  audience: Extract<UserType, 'job_seeker' | 'employer'>;
  /** What the preferences page and the unsubscribe page call it. */
  label: string;
}

export const KIND_INFO: Record<NotificationKind, KindInfo> = {
  application_status: { audience: 'job_seeker', label: 'Changes to the status of my applications' },
  review_answered: { audience: 'job_seeker', label: "An employer's answer to my review requests" },
  invitation: { audience: 'job_seeker', label: 'Invitations to apply' },
  new_applicant: { audience: 'employer', label: 'New applicants to my jobs' },
  review_requested: { audience: 'employer', label: 'Candidates asking for a review of their match' },
  job_expiring: { audience: 'employer', label: 'My jobs about to expire' },
};

export const DEFAULT_PREFERENCE: Record<NotificationChannel, boolean> = { inApp: true, email: true };

export function kindsFor(role: UserType): NotificationKind[] {
  return NOTIFICATION_KINDS.filter((kind) => KIND_INFO[kind].audience === role);
}

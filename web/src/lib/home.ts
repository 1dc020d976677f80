import type { Me } from './session.ts';

/** Where each kind of account starts after signing in. */
export function homeOf(me: Pick<Me, 'userType'>): string {
  return me.userType === 'employer' ? '/employer/jobs' : me.userType === 'admin' ? '/admin/skills' : '/me/matches';
}

/** A `next` parameter is followed only within this site. */
export function safeNext(next: string | undefined): string | null {
  return next?.startsWith('/') && !next.startsWith('//') ? next : null;
}

/**
 * A member's private calendar feed, /calendar/TOKEN.ics: 256 random bits, only their SHA-256
 * stored, so the URL is shown once, when made; making a new one replaces it (the old URL stops
 * working), and revoking deletes it. The token is a secret in a path: the request log writes
 * the path with the token masked (server/http/headers.ts).
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { calendarFeeds } from '../../db/schema.ts';
import { requireCompanyAccess } from '../companies/access.ts';
import { feedOf } from './calendar.ts';
import { organizerAddress } from './mail.ts';
import { feedInterviews } from './read.ts';

export const FEED_TOKEN_PATTERN = /^[a-z2-7]{52}$/;
const hashToken = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

export const feedUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/+$/, '')}/calendar/${token}.ics`;

/** A new feed URL for the member (replacing any earlier one). */
export async function renewCalendarFeed(db: Queryable, userId: number, publicUrl: string, now: Date) {
  await requireCompanyAccess(db, userId, 'view-assigned');
  const token = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(32)));
  await db
    .insert(calendarFeeds)
    .values({ userId, tokenHash: hashToken(token), createdAt: now })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash: hashToken(token), createdAt: now } });
  return { url: feedUrl(publicUrl, token), createdAt: now.toISOString() };
}

export async function revokeCalendarFeed(db: Queryable, userId: number) {
  const removed = await db
    .delete(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId))
    .returning({ userId: calendarFeeds.userId });
  return { revoked: removed.length > 0 };
}

/** The feed's iCalendar text, or null for a token that is unknown or revoked. */
export async function calendarFeedText(
  db: Queryable,
  token: string,
  context: { now: Date; publicUrl: string; mailFrom: string | undefined },
): Promise<string | null> {
  if (!FEED_TOKEN_PATTERN.test(token)) return null;
  const [feed] = await db
    .select({ userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, hashToken(token)));
  if (!feed) return null;
  const organizer = { name: 'Fitwork', email: organizerAddress(context.mailFrom, context.publicUrl) };
  const events = (await feedInterviews(db, feed.userId)).map((i) => ({
    uid: i.uid,
    sequence: i.sequence,
    start: new Date(i.start ?? 0),
    end: new Date(i.end ?? 0),
    summary: `Interview: ${i.jobTitle} with ${i.candidateName}`,
    description: [
      `Interview for ${i.jobTitle} with ${i.candidateName}.`,
      i.location && `Where: ${i.location}`,
      i.videoLink && `Video link: ${i.videoLink}`,
    ]
      .filter(Boolean)
      .join('\n'),
    location: i.location,
    videoLink: i.videoLink,
    organizer,
    cancelled: i.status === 'cancelled',
  }));
  return feedOf(events, 'Fitwork interviews', context.now);
}

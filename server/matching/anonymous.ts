/**
 * How a seeker who said yes to being found is shown to an employer before they apply: a
 * pseudonym and an opaque candidate id, both derived from a secret random key of the seeker
 * (never sent anywhere) and the job, so they are stable for that job, differ between jobs (two
 * jobs of one employer cannot be linked) and cannot be guessed from the user id.
 */
import { SHA256 } from '@oslojs/crypto/sha2';
import { hmac } from '@oslojs/crypto/hmac';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';

const encoder = new TextEncoder();

/** 32 characters of base32 (160 bits of HMAC-SHA256 keyed by the seeker's candidate key). */
export function candidateIdOf(candidateKey: string, jobId: number): string {
  const digest = hmac(SHA256, encoder.encode(candidateKey), encoder.encode(`candidate:${jobId}`));
  return encodeBase32UpperCaseNoPadding(digest.slice(0, 20));
}

/** "Candidate K7F2QX": six characters of the id, so two candidates of one job practically never share one. */
export function pseudonymOf(candidateId: string): string {
  return `Candidate ${candidateId.slice(0, 6)}`;
}

export function sameCandidateId(a: string, b: string): boolean {
  return a.length === b.length && constantTimeEqual(encoder.encode(a), encoder.encode(b));
}

/** What could name the person in text about them: their names, contacts, employers, schools. */
export interface IdentifyingTerms {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  resumeData: unknown;
}

const HIDDEN = '[hidden]';
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/g;
const URL_LIKE = /\b(?:https?:\/\/|www\.)\S{1,500}/gi;
// Seven digits or more, with the usual separators: a phone number, whatever its format.
const PHONE = /\+?\(?\d[\d\s().-]{5,25}\d/g;

function stringsAt(value: unknown, keys: readonly string[]): string[] {
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  return keys.flatMap((k) => (typeof record[k] === 'string' ? [record[k] as string] : []));
}

function listAt(value: unknown, key: string): unknown[] {
  if (!value || typeof value !== 'object') return [];
  const list = (value as Record<string, unknown>)[key];
  return Array.isArray(list) ? list : [];
}

/** The names to take out of any text shown anonymously: longest first, so "Acme Health" goes before "Acme". */
export function identifyingNames(terms: IdentifyingTerms): string[] {
  const data = terms.resumeData;
  const basics = data && typeof data === 'object' ? (data as Record<string, unknown>).basics : null;
  const names = [
    terms.firstName,
    terms.lastName,
    terms.email,
    terms.phone ?? '',
    ...stringsAt(basics, ['name', 'email', 'phone', 'url']),
    ...listAt(data, 'work').flatMap((w) => stringsAt(w, ['name', 'company'])),
    ...listAt(data, 'education').flatMap((e) => stringsAt(e, ['institution'])),
  ];
  // A person's name split into words too, so "James" alone is hidden as well as "James O'Connor".
  const words = [terms.firstName, terms.lastName, ...stringsAt(basics, ['name'])].flatMap((n) => n.split(/\s+/));
  return [...new Set([...names, ...words].map((n) => n.trim()).filter((n) => n.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with every identifying name, address, link and phone number replaced by "[hidden]". */
export function scrub(text: string | null, names: readonly string[]): string | null {
  if (text === null) return null;
  let out = text.replace(EMAIL, HIDDEN).replace(URL_LIKE, HIDDEN).replace(PHONE, HIDDEN);
  for (const name of names) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'giu'), HIDDEN);
  }
  return out;
}

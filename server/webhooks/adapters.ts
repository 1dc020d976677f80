/**
 * Job-board payloads to one shape. Each adapter reads its board's documented format and says
 * what to do: upsert a job by the board's id, close one, or acknowledge an event we do not use.
 */
import type { SourceFormat } from '../../db/schema.ts';
import { htmlToText } from './html.ts';

interface BoardJob {
  title: string;
  description: string;
  location: string | null;
  remoteAllowed: boolean;
  employmentType: 'full_time' | 'part_time' | 'contract' | 'internship' | 'temporary' | null;
  salaryMin: string | null;
  salaryMax: string | null;
  currency: string;
  postedAt: Date | null;
  expiresAt: Date | null;
  skillNames: string[];
}

export type BoardAction =
  | { kind: 'upsert'; eventType: string; externalId: string; job: BoardJob }
  | { kind: 'close'; eventType: string; externalId: string }
  | { kind: 'ignore'; eventType: string };

/** A payload that passed the signature but not our reading of it: answered 400 with this reason. */
export class PayloadError extends Error {}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
// NUL cannot be stored in Postgres text: dropped from everything a board sends.
const text = (v: unknown, max: number): string | null =>
  typeof v === 'string' && v.replaceAll('\u0000', '').trim()
    ? v.replaceAll('\u0000', '').trim().slice(0, max)
    : typeof v === 'number'
      ? String(v)
      : null;

function date(v: unknown, field: string): Date | null {
  if (v == null || v === '') return null;
  const parsed = typeof v === 'string' ? new Date(v) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) throw new PayloadError(`${field} is not a date.`);
  return parsed;
}

function money(v: unknown, field: string): string | null {
  if (v == null || v === '') return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/[,\s]/g, '')) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 99_999_999.99) throw new PayloadError(`${field} is not an amount.`);
  return n.toFixed(2);
}

function required(
  job: { title: string | null; description: string | null },
  externalId: string | null,
): { title: string; description: string; externalId: string } {
  if (!externalId) throw new PayloadError('The job has no identifier.');
  if (!job.title) throw new PayloadError('The job has no title.');
  if (!job.description) throw new PayloadError('The job has no description.');
  return { title: job.title, description: job.description, externalId };
}

// --- schema.org JobPosting (Google for Jobs' properties) ------------------------------------

const LD_EMPLOYMENT: Record<string, BoardJob['employmentType']> = {
  FULL_TIME: 'full_time',
  PART_TIME: 'part_time',
  CONTRACTOR: 'contract',
  TEMPORARY: 'temporary',
  INTERN: 'internship',
  PER_DIEM: 'temporary',
};

function ldIdentifier(v: unknown): string | null {
  if (isObject(v)) return text(v.value, 255);
  return text(v, 255);
}

function ldLocation(v: unknown): string | null {
  const place = Array.isArray(v) ? v[0] : v;
  if (!isObject(place)) return null;
  const address = place.address;
  if (typeof address === 'string') return text(address, 100);
  if (!isObject(address)) return null;
  return (
    [text(address.addressLocality, 60), text(address.addressRegion, 30)].filter(Boolean).join(', ').slice(0, 100) ||
    text(address.addressCountry, 100)
  );
}

function ldSkills(v: unknown): string[] {
  const values = Array.isArray(v) ? v : [v];
  return values
    .flatMap((s) => (typeof s === 'string' ? s.split(/[,;\n]/) : isObject(s) ? [text(s.name, 100) ?? ''] : []))
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= 100)
    .slice(0, 50);
}

function fromJobPosting(posting: Json, eventType: string): BoardAction {
  if (posting['@type'] !== 'JobPosting') throw new PayloadError('The payload is not a schema.org JobPosting.');
  const externalId = ldIdentifier(posting.identifier);
  const salary = isObject(posting.baseSalary) ? posting.baseSalary : null;
  const value = salary && isObject(salary.value) ? salary.value : null;
  const types = (Array.isArray(posting.employmentType) ? posting.employmentType : [posting.employmentType])
    .map((t) => LD_EMPLOYMENT[String(t)])
    .filter(Boolean);
  const base = required(
    {
      title: text(posting.title, 200),
      description: typeof posting.description === 'string' ? htmlToText(posting.description).slice(0, 20_000) : null,
    },
    externalId,
  );
  const currency = text(salary?.currency, 3)?.toUpperCase() ?? 'USD';
  if (!/^[A-Z]{3}$/.test(currency)) throw new PayloadError('baseSalary.currency is not an ISO 4217 code.');
  const salaryMin = money(value?.minValue ?? value?.value, 'baseSalary.value.minValue');
  const salaryMax = money(value?.maxValue ?? value?.value, 'baseSalary.value.maxValue');
  if (salaryMin && salaryMax && Number(salaryMin) > Number(salaryMax))
    throw new PayloadError('baseSalary minValue is above maxValue.');
  return {
    kind: 'upsert',
    eventType,
    externalId: base.externalId,
    job: {
      title: base.title,
      description: base.description,
      location: ldLocation(posting.jobLocation),
      remoteAllowed: posting.jobLocationType === 'TELECOMMUTE',
      employmentType: types[0] ?? null,
      salaryMin,
      salaryMax,
      currency,
      postedAt: date(posting.datePosted, 'datePosted'),
      expiresAt: date(posting.validThrough, 'validThrough'),
      skillNames: [...ldSkills(posting.skills), ...ldSkills(posting.qualifications)],
    },
  };
}

/**
 * JSON-LD sources send a JobPosting, bare or in an event envelope
 * `{ type: 'job.created' | 'job.updated' | 'job.closed' | 'job.deleted', data }`.
 */
function readJsonLd(payload: unknown): BoardAction {
  if (!isObject(payload)) throw new PayloadError('The payload is not a JSON object.');
  if (payload['@type'] === 'JobPosting') return fromJobPosting(payload, 'job.updated');
  const type = text(payload.type, 100);
  if (!type) throw new PayloadError('The payload has neither a JobPosting nor an event type.');
  if (type === 'job.created' || type === 'job.updated') {
    if (!isObject(payload.data)) throw new PayloadError('The event has no data.');
    return fromJobPosting(payload.data, type);
  }
  if (type === 'job.closed' || type === 'job.deleted') {
    const externalId = isObject(payload.data) ? ldIdentifier(payload.data.identifier) : null;
    if (!externalId) throw new PayloadError('The event names no job identifier.');
    return { kind: 'close', eventType: type, externalId };
  }
  return { kind: 'ignore', eventType: type };
}

// --- Greenhouse job post webhooks -----------------------------------------------------------

/**
 * Greenhouse's job post events: `{ action: 'job_post_created' | 'job_post_updated' |
 * 'job_post_deleted', payload: { job_post: {...} } }`. A post that is no longer live closes.
 */
function readGreenhouse(payload: unknown): BoardAction {
  if (!isObject(payload)) throw new PayloadError('The payload is not a JSON object.');
  const action = text(payload.action, 100);
  if (!action) throw new PayloadError('The payload has no action.');
  const body = isObject(payload.payload) ? payload.payload : {};
  const post = isObject(body.job_post) ? body.job_post : body;
  if (action === 'job_post_deleted') {
    const externalId = text(post.id, 255);
    if (!externalId) throw new PayloadError('The event names no job post id.');
    return { kind: 'close', eventType: action, externalId };
  }
  if (action !== 'job_post_created' && action !== 'job_post_updated') return { kind: 'ignore', eventType: action };
  const externalId = text(post.id, 255);
  if (post.live === false || post.active === false) {
    if (!externalId) throw new PayloadError('The job post has no id.');
    return { kind: 'close', eventType: action, externalId };
  }
  const location = isObject(post.location) ? text(post.location.name, 100) : text(post.location, 100);
  const base = required(
    {
      title: text(post.title, 200),
      description: typeof post.content === 'string' ? htmlToText(post.content).slice(0, 20_000) : null,
    },
    externalId,
  );
  return {
    kind: 'upsert',
    eventType: action,
    externalId: base.externalId,
    job: {
      title: base.title,
      description: base.description,
      location,
      remoteAllowed: /\bremote\b/i.test(location ?? ''),
      employmentType: null,
      salaryMin: null,
      salaryMax: null,
      currency: 'USD',
      postedAt: date(post.first_published_at ?? post.created_at, 'first_published_at'),
      expiresAt: null,
      skillNames: [],
    },
  };
}

export function readPayload(format: SourceFormat, payload: unknown): BoardAction {
  return format === 'greenhouse' ? readGreenhouse(payload) : readJsonLd(payload);
}

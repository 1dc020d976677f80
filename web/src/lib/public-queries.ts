/**
 * The query keys of the public pages, shared by the pages and the server renderer: the server
 * seeds the query cache under these keys, the browser reads the same keys while hydrating, so
 * nothing the HTML already shows is fetched again.
 */
import type { RouterInputs, RouterOutputs } from './trpc.ts';

export type SearchInput = Omit<RouterInputs['jobs']['search'], 'cursor'>;
export type SearchParams = {
  q?: string;
  location?: string;
  remote?: string;
  type?: string;
  salary?: string;
  company?: string;
  sort?: string;
};

export const LATEST_JOBS_INPUT = { q: '', limit: 6 } as const;
export const latestJobsKey = () => ['jobs', 'search', { latest: true }] as const;

/** The search a /jobs URL asks for (its query string), as jobs.search takes it. */
export function searchInputOf(params: SearchParams): SearchInput {
  const salary = params.salary ? Number(params.salary) : undefined;
  const company = params.company ? Number(params.company) : undefined;
  return {
    q: params.q ?? '',
    location: params.location || undefined,
    remoteAllowed: params.remote === '1' ? true : undefined,
    employmentType: (params.type || undefined) as SearchInput['employmentType'],
    salaryMin: salary !== undefined && Number.isFinite(salary) ? salary : undefined,
    companyId: company !== undefined && Number.isSafeInteger(company) && company > 0 ? company : undefined,
    sort: (params.sort || undefined) as SearchInput['sort'],
    limit: 20,
  };
}
export const searchKey = (input: SearchInput) => ['jobs', 'search', input] as const;

export const jobKey = (id: number | null) => ['jobs', 'get', id] as const;

/** Set only by the server, for a job that is closed or unknown: what its page shows instead. */
export interface UnavailableJob {
  reason: 'closed' | 'missing';
  title: string | null;
  similar: RouterOutputs['jobs']['search']['items'];
}
export const unavailableJobKey = (id: number | null) => ['jobs', 'unavailable', id] as const;

export const companyKey = (id: number | null) => ['companies', 'get', id] as const;

/** "/jobs/12" names a job; "/jobs/abc" names none (a not-found page, not the schema's complaint). */
export const recordIdOf = (value: string | undefined) => (value && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null);

/** Query keys with their data, as the server embeds them in the page. */
export type SeededQueries = [readonly unknown[], unknown][];
export const STATE_ELEMENT_ID = 'fitwork-state';

/**
 * What a search result set is made of (remote, employment type, location, company, salary), and
 * the orders it can be read in. Both work on the same rows, so the counts agree with the results.
 */
import { sql } from 'drizzle-orm';

export const SEARCH_SORTS = ['relevance', 'newest', 'salary'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** "At least" bands, so choosing one is the existing salaryMin filter and its count holds. */
export const SALARY_BANDS = [30_000, 50_000, 75_000, 100_000, 150_000] as const;
const TOP_VALUES = 10;

export interface HitFacts {
  id: number;
  postedAt: number | null;
  salary: number | null;
  remoteAllowed: boolean;
  employmentType: string | null;
  location: string | null;
  employerId: number;
  companyName: string;
}

export interface SearchFacets {
  remote: { remote: number; onSite: number };
  employmentType: { value: string; count: number }[];
  location: { value: string; count: number }[];
  company: { id: number; name: string; count: number }[];
  salary: { atLeast: number; count: number }[];
}

/** The columns of a hit's facts, selected from `jobs` joined to its `employers` row. */
export const factColumns = sql`jobs.id, extract(epoch from jobs.posted_at)::float8 as posted,
  coalesce(jobs.salary_max, jobs.salary_min) as salary, jobs.remote_allowed, jobs.employment_type, jobs.location,
  jobs.employer_id, employers.company_name`;

export interface FactRow {
  id: number;
  posted: number | null;
  salary: string | null;
  remote_allowed: boolean;
  employment_type: string | null;
  location: string | null;
  employer_id: number;
  company_name: string;
}

export const factsOf = (r: FactRow): HitFacts => ({
  id: r.id,
  postedAt: r.posted,
  salary: r.salary === null ? null : Number(r.salary),
  remoteAllowed: r.remote_allowed,
  employmentType: r.employment_type,
  location: r.location,
  employerId: r.employer_id,
  companyName: r.company_name,
});

/** The score a hit is ordered by (descending, ties by id): relevance, posting time or pay. */
export function sortScore(sort: SearchSort, relevance: number, facts: HitFacts | undefined): number {
  if (sort === 'newest') return facts?.postedAt ?? -1;
  if (sort === 'salary') return facts?.salary ?? -1;
  return relevance;
}

function countBy<T>(items: T[], key: (item: T) => string | null) {
  const counts = new Map<string, number>();
  for (const item of items) {
    const value = key(item);
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

export function facetsOf(hits: HitFacts[]): SearchFacets {
  const remote = hits.filter((h) => h.remoteAllowed).length;
  const names = new Map(hits.map((h) => [String(h.employerId), h.companyName]));
  return {
    remote: { remote, onSite: hits.length - remote },
    employmentType: countBy(hits, (h) => h.employmentType),
    location: countBy(hits, (h) => h.location).slice(0, TOP_VALUES),
    company: countBy(hits, (h) => String(h.employerId))
      .slice(0, TOP_VALUES)
      .map((c) => ({ id: Number(c.value), name: names.get(c.value)!, count: c.count })),
    salary: SALARY_BANDS.map((atLeast) => ({
      atLeast,
      count: hits.filter((h) => h.salary !== null && h.salary >= atLeast).length,
    })),
  };
}

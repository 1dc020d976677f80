/**
 * Match quality from what people did with matches: per algorithm (or experiment arm) and per
 * week of scoring, the share of matches viewed, applied to, that reached interview, and marked
 * "not relevant". The unit is a match row (one seeker and one job, as last scored); an
 * experiment counts only what happened after it started.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { rowsOf } from '../sql-helpers.ts';
import { compareRates, rateOf, type Comparison, type Rate } from './statistics.ts';

const METRICS = ['viewed', 'applied', 'interview', 'notRelevant'] as const;
export type Metric = (typeof METRICS)[number];

export interface Counts {
  shown: number;
  viewed: number;
  applied: number;
  interview: number;
  notRelevant: number;
}

interface CountRow {
  algorithm: string;
  week: Date | string;
  shown: string | number;
  viewed: string | number;
  applied: string | number;
  interview: string | number;
  not_relevant: string | number;
}

/** Outcomes counted only from `since` on (an experiment's start), or all of them. */
async function countOutcomes(db: Queryable, where: SQL, since: Date | null) {
  const after = (column: SQL) =>
    since ? sql`${column} >= ${since.toISOString()}::timestamptz` : sql`${column} is not null`;
  return rowsOf<CountRow>(
    await db.execute(sql`
      select m.algorithm_version as algorithm, date_trunc('week', m.generated_at) as week,
             count(*) as shown,
             count(*) filter (where ${after(sql`m.viewed_at`)}) as viewed,
             count(*) filter (where a.id is not null and ${after(sql`a.submitted_at`)}) as applied,
             count(*) filter (where a.id is not null and exists (
               select 1 from application_events e where e.application_id = a.id and e.to_status in ('interview', 'offer', 'accepted') and ${after(sql`e.created_at`)})) as interview,
             count(*) filter (where ${after(sql`m.dismissed_at`)}) as not_relevant
      from matches m
      left join applications a on a.job_id = m.job_id and a.job_seeker_id = m.job_seeker_id
      where ${where}
      group by 1, 2
      order by 2, 1`),
  );
}

const num = (v: string | number) => Number(v);
const countsOf = (r: CountRow): Counts => ({
  shown: num(r.shown),
  viewed: num(r.viewed),
  applied: num(r.applied),
  interview: num(r.interview),
  notRelevant: num(r.not_relevant),
});

function ratesOf(c: Counts): Record<Metric, Rate> {
  return {
    viewed: rateOf(c.viewed, c.shown),
    applied: rateOf(c.applied, c.shown),
    interview: rateOf(c.interview, c.shown),
    notRelevant: rateOf(c.notRelevant, c.shown),
  };
}

function add(a: Counts, b: Counts): Counts {
  return {
    shown: a.shown + b.shown,
    viewed: a.viewed + b.viewed,
    applied: a.applied + b.applied,
    interview: a.interview + b.interview,
    notRelevant: a.notRelevant + b.notRelevant,
  };
}
const ZERO: Counts = { shown: 0, viewed: 0, applied: 0, interview: 0, notRelevant: 0 };

/** Every algorithm, every week: the table and chart admins read. */
export async function qualityByWeek(db: Queryable) {
  const rows = await countOutcomes(db, sql`true`, null);
  return rows.map((r) => ({
    algorithm: r.algorithm,
    week: new Date(r.week).toISOString().slice(0, 10),
    counts: countsOf(r),
    rates: ratesOf(countsOf(r)),
  }));
}

/**
 * An experiment's arms: totals, rates with intervals, each variant against the control (the
 * first arm) per metric, and the weekly series.
 */
export function armResults(arms: string[], rows: { algorithm: string; week: string; counts: Counts }[]) {
  const totals = new Map(arms.map((a) => [a, ZERO]));
  for (const r of rows) if (totals.has(r.algorithm)) totals.set(r.algorithm, add(totals.get(r.algorithm)!, r.counts));
  const control = ratesOf(totals.get(arms[0]!)!);
  return arms.map((algorithm, index) => {
    const counts = totals.get(algorithm)!;
    const rates = ratesOf(counts);
    const comparisons =
      index === 0
        ? null
        : (Object.fromEntries(METRICS.map((m) => [m, compareRates(control[m], rates[m])])) as Record<
            Metric,
            Comparison
          >);
    return {
      algorithm,
      control: index === 0,
      counts,
      rates,
      comparisons,
      weeks: rows.filter((r) => r.algorithm === algorithm).map((r) => ({ week: r.week, rates: ratesOf(r.counts) })),
    };
  });
}

export async function experimentResults(
  db: Queryable,
  experiment: { name: string; arms: { algorithm: string }[]; startedAt: Date },
) {
  const rows = (await countOutcomes(db, sql`m.experiment_name = ${experiment.name}`, experiment.startedAt)).map(
    (r) => ({
      algorithm: r.algorithm,
      week: new Date(r.week).toISOString().slice(0, 10),
      counts: countsOf(r),
    }),
  );
  return armResults(
    experiment.arms.map((a) => a.algorithm),
    rows,
  );
}

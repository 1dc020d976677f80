/**
 * The bias audit of Local Law 144's kind: per category of sex, of race/ethnicity and of their
 * intersection, the selection rate (applications that reached interview or were accepted) and
 * the scoring rate (candidates scoring above the median overall score), each with its impact
 * ratio against the category with the highest rate. Unknown self-identification is counted
 * apart; categories under 2% of the total are marked (the law lets an auditor leave them out of
 * the ratios); ratios under 0.8 (the four-fifths rule) are flagged.
 *
 * Small cells are suppressed, as statistical agencies do: a category of fewer than
 * MIN_CELL_SIZE people shows neither its counts nor its rate and stays out of the ratios, so an
 * audit of a handful of applicants cannot name one of them.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { rowsOf } from '../sql-helpers.ts';

const MIN_CELL_SIZE = 5;

/** A category's figures; all null when it is suppressed (fewer than MIN_CELL_SIZE people). */
interface CategoryRow {
  category: string;
  suppressed: boolean;
  total: number | null;
  positive: number | null;
  rate: number | null;
  impactRatio: number | null;
  under2Percent: boolean;
  flagged: boolean;
}

const suppressedRow = (category: string): CategoryRow => ({
  category,
  suppressed: true,
  total: null,
  positive: null,
  rate: null,
  impactRatio: null,
  under2Percent: false,
  flagged: false,
});

export interface AuditTable {
  rows: CategoryRow[];
  unknown: number;
}

export interface AuditPerson {
  sex: string | null;
  raceEthnicity: string | null;
  positive: boolean;
}

const known = (v: string | null) => v !== null && v !== 'prefer_not_to_say';

/** Rates and impact ratios for one way of grouping people; pure, so it can be checked by hand. */
export function impactTable(people: AuditPerson[], groupOf: (p: AuditPerson) => string | null): AuditTable {
  const groups = new Map<string, { total: number; positive: number }>();
  let unknown = 0;
  for (const person of people) {
    const group = groupOf(person);
    if (group === null) {
      unknown++;
      continue;
    }
    const g = groups.get(group) ?? { total: 0, positive: 0 };
    g.total++;
    if (person.positive) g.positive++;
    groups.set(group, g);
  }
  const all = people.length;
  const shown = [...groups.entries()].filter(([, g]) => g.total >= MIN_CELL_SIZE);
  const counted = shown.map(([category, g]) => ({
    category,
    ...g,
    rate: g.positive / g.total,
    under2Percent: all > 0 && g.total / all < 0.02,
  }));
  // The highest rate among categories large enough to count sets the bar.
  const best = Math.max(0, ...counted.filter((c) => !c.under2Percent).map((c) => c.rate));
  const rows: CategoryRow[] = [
    ...counted.map((c) => {
      const impactRatio = best > 0 ? c.rate / best : null;
      return {
        ...c,
        suppressed: false,
        impactRatio,
        flagged: !c.under2Percent && impactRatio !== null && impactRatio < 0.8,
      };
    }),
    ...[...groups.entries()].filter(([, g]) => g.total < MIN_CELL_SIZE).map(([category]) => suppressedRow(category)),
  ].sort((a, b) => a.category.localeCompare(b.category));
  return { rows, unknown };
}

export function auditOf(selection: AuditPerson[], scoring: AuditPerson[]) {
  const sex = (p: AuditPerson) => (known(p.sex) ? p.sex : null);
  const race = (p: AuditPerson) => (known(p.raceEthnicity) ? p.raceEthnicity : null);
  const both = (p: AuditPerson) => (known(p.sex) && known(p.raceEthnicity) ? `${p.sex} × ${p.raceEthnicity}` : null);
  const tables = (people: AuditPerson[]) => ({
    sex: impactTable(people, sex),
    raceEthnicity: impactTable(people, race),
    intersection: impactTable(people, both),
    total: people.length,
  });
  return { selection: tables(selection), scoring: tables(scoring) };
}

/** Which applications an audit covers: one employer's (one job of theirs), or the whole platform. */
export function auditScope(scope: { employerId?: number; jobId?: number | undefined }): SQL {
  if (scope.employerId === undefined) return sql`true`;
  return scope.jobId
    ? sql`jobs.id = ${scope.jobId} and jobs.employer_id = ${scope.employerId}`
    : sql`jobs.employer_id = ${scope.employerId}`;
}

/** The audit over the applications and matches of the jobs `scope` selects (one employer, one job, all). */
export async function runAudit(db: Queryable, scope: SQL) {
  const selection = rowsOf<{ sex: string | null; race: string | null; positive: boolean }>(
    await db.execute(sql`
      select si.sex, si.race_ethnicity as race, a.status in ('interview', 'offer', 'accepted') as positive
      from applications a join jobs on jobs.id = a.job_id
      left join self_identifications si on si.job_seeker_id = a.job_seeker_id
      where ${scope}`),
  );
  const scoring = rowsOf<{ sex: string | null; race: string | null; positive: boolean }>(
    await db.execute(sql`
      with scoped as (select m.* from matches m join jobs on jobs.id = m.job_id where ${scope}),
           median as (select percentile_cont(0.5) within group (order by overall_score) as v from scoped)
      select si.sex, si.race_ethnicity as race, s.overall_score > (select v from median) as positive
      from scoped s left join self_identifications si on si.job_seeker_id = s.job_seeker_id`),
  );
  const toPeople = (rows: { sex: string | null; race: string | null; positive: boolean }[]) =>
    rows.map((r) => ({ sex: r.sex, raceEthnicity: r.race, positive: r.positive }));
  return auditOf(toPeople(selection), toPeople(scoring));
}

/** The audit as CSV: one line per table, category and rate. */
export function auditCsv(audit: ReturnType<typeof auditOf>): string {
  const lines = ['measure,grouping,category,total,positive,rate,impact_ratio,under_2_percent,flagged'];
  for (const [measure, tables] of Object.entries(audit)) {
    for (const grouping of ['sex', 'raceEthnicity', 'intersection'] as const) {
      const table = tables[grouping];
      for (const r of table.rows) {
        if (r.suppressed)
          lines.push(
            [measure, grouping, `"${r.category}"`, `"fewer than ${MIN_CELL_SIZE}"`, '', '', '', '', ''].join(','),
          );
        else
          lines.push(
            [
              measure,
              grouping,
              `"${r.category}"`,
              r.total,
              r.positive,
              r.rate?.toFixed(4),
              r.impactRatio?.toFixed(4) ?? '',
              r.under2Percent,
              r.flagged,
            ].join(','),
          );
      }
      lines.push([measure, grouping, '"unknown"', table.unknown, '', '', '', '', ''].join(','));
    }
  }
  return lines.join('\n');
}

/** An employer's company profile: the rows behind employers.me and updateCompany. */
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { employers } from '../../db/schema.ts';
import { type EmployerProfile, employerProfileColumns } from '../auth/profile.ts';

export async function loadCompany(db: Queryable, employerId: number) {
  const [company] = await db
    .select({ id: employers.id, ...employerProfileColumns })
    .from(employers)
    .where(eq(employers.id, employerId));
  return company ?? null;
}

/** Writes the fields given (none: reads the company as it is). */
export async function updateCompany(
  db: Queryable,
  employerId: number,
  changes: Partial<Pick<typeof employers.$inferInsert, keyof typeof employerProfileColumns>>,
): Promise<EmployerProfile | undefined> {
  if (Object.keys(changes).length === 0)
    return (await db.select(employerProfileColumns).from(employers).where(eq(employers.id, employerId)))[0];
  const [company] = await db
    .update(employers)
    .set(changes)
    .where(eq(employers.id, employerId))
    .returning(employerProfileColumns);
  return company;
}

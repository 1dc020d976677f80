import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { companyMembers, employers, jobSeekers, users } from '../../db/schema.ts';
import type { SessionUser } from './sessions.ts';

// Explicit selects: hashes and embeddings never reach a response by accident.
export const seekerProfileColumns = {
  firstName: jobSeekers.firstName,
  lastName: jobSeekers.lastName,
  phone: jobSeekers.phone,
  location: jobSeekers.location,
};
export const employerProfileColumns = {
  companyName: employers.companyName,
  companySize: employers.companySize,
  industry: employers.industry,
  website: employers.website,
};

export type SeekerProfile = {
  [K in keyof typeof seekerProfileColumns]: (typeof seekerProfileColumns)[K]['_']['data'] | null;
};
export type EmployerProfile = {
  [K in keyof typeof employerProfileColumns]: (typeof employerProfileColumns)[K]['_']['data'] | null;
};

const NO_COMPANY: EmployerProfile = { companyName: null, companySize: null, industry: null, website: null };

export type Me =
  | {
      id: number;
      email: string;
      emailVerified: boolean;
      userType: 'job_seeker';
      createdAt: string;
      profile: SeekerProfile;
    }
  | {
      id: number;
      email: string;
      emailVerified: boolean;
      userType: 'employer';
      createdAt: string;
      profile: EmployerProfile;
    }
  | { id: number; email: string; emailVerified: boolean; userType: 'admin'; createdAt: string; profile: null };

/** The signed-in user with the profile of its type: what `auth.me` answers. */
export async function loadProfile(db: Queryable, user: SessionUser): Promise<Me> {
  const [row] = await db
    .select({ createdAt: users.createdAt, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, user.id));
  const base = {
    id: user.id,
    email: user.email,
    emailVerified: row?.emailVerifiedAt != null,
    createdAt: (row?.createdAt ?? new Date(0)).toISOString(),
  };
  if (user.userType === 'job_seeker') {
    const [profile] = await db.select(seekerProfileColumns).from(jobSeekers).where(eq(jobSeekers.id, user.id));
    if (!profile) throw new Error(`job seeker ${user.id} has no profile row`);
    return { ...base, userType: 'job_seeker', profile };
  }
  if (user.userType === 'employer') {
    // A member reads their company's profile; one removed from their company has none.
    const [profile] = await db
      .select(employerProfileColumns)
      .from(companyMembers)
      .innerJoin(employers, eq(employers.id, companyMembers.companyId))
      .where(eq(companyMembers.userId, user.id));
    return { ...base, userType: 'employer', profile: profile ?? NO_COMPANY };
  }
  return { ...base, userType: 'admin', profile: null };
}

import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { createUserWithProfile } from './accounts.ts';
import type { PasswordHasher } from './passwords.ts';
import { emailInput, newPasswordInput } from './schemas.ts';

const adminInput = z.object({ email: emailInput, password: newPasswordInput });

/** Creates an admin account: only from the command line, never through the API. */
export async function createAdmin(db: Database, passwords: PasswordHasher, input: { email: string; password: string }) {
  const parsed = adminInput.safeParse(input);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const passwordHash = await passwords.hash(parsed.data.password);
  try {
    const id = await createUserWithProfile(db, { email: parsed.data.email, passwordHash, userType: 'admin' });
    return { id, email: parsed.data.email };
  } catch (error) {
    if (isUniqueViolation(error))
      throw new TRPCError({ code: 'CONFLICT', message: `An account with ${parsed.data.email} already exists.` });
    throw error;
  }
}

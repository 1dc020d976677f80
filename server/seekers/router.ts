import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { jobSeekers } from '../../db/schema.ts';
import { personName } from '../auth/schemas.ts';
import { seekerProfileColumns } from '../auth/profile.ts';
import { createTRPCRouter, seekerProcedure } from '../trpc.ts';

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const updateSeekerProfileInput = z
  .object({
    firstName: personName('first name').optional(),
    lastName: personName('last name').optional(),
    phone: optionalText(20, 'A phone number').refine((v) => v == null || /^[+()\d\s.-]{3,20}$/.test(v), 'Enter a phone number with digits, spaces, +, (, ), - or . only.'),
    location: optionalText(100, 'The location'),
  })
  .strict();

export const seekersRouter = createTRPCRouter({
  me: seekerProcedure.query(async ({ ctx }) => {
    const [profile] = await ctx.db
      .select({ id: jobSeekers.id, ...seekerProfileColumns, resumeUpdatedAt: jobSeekers.resumeUpdatedAt })
      .from(jobSeekers)
      .where(eq(jobSeekers.id, ctx.user.id));
    return profile ? { ...profile, email: ctx.user.email, resumeUpdatedAt: profile.resumeUpdatedAt?.toISOString() ?? null } : null;
  }),

  updateProfile: seekerProcedure.input(updateSeekerProfileInput).mutation(async ({ ctx, input }) => {
    if (Object.keys(input).length === 0) return (await ctx.db.select(seekerProfileColumns).from(jobSeekers).where(eq(jobSeekers.id, ctx.user.id)))[0];
    const [profile] = await ctx.db
      .update(jobSeekers)
      .set(input)
      .where(eq(jobSeekers.id, ctx.user.id))
      .returning(seekerProfileColumns);
    return profile;
  }),
});

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { COMPANY_SIZES, employers } from '../../db/schema.ts';
import { companyNameInput } from '../auth/schemas.ts';
import { employerProfileColumns } from '../auth/profile.ts';
import { createTRPCRouter, employerProcedure } from '../trpc.ts';

const websiteInput = z
  .string()
  .trim()
  .max(255, 'The website address can be at most 255 characters.')
  .transform((v) => (v === '' ? null : v))
  .refine(
    (v) => v === null || (/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(v) && URL.canParse(v)),
    'Enter a website address starting with http:// or https://.',
  )
  .nullable()
  .optional();

export const updateCompanyInput = z
  .object({
    companyName: companyNameInput.optional(),
    companySize: z
      .enum(COMPANY_SIZES, { error: 'Choose a company size: startup, small, medium or large.' })
      .nullable()
      .optional(),
    industry: z
      .string()
      .trim()
      .max(100, 'The industry can be at most 100 characters.')
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .optional(),
    website: websiteInput,
  })
  .strict();

export const employersRouter = createTRPCRouter({
  me: employerProcedure.query(async ({ ctx }) => {
    const [company] = await ctx.db
      .select({ id: employers.id, ...employerProfileColumns })
      .from(employers)
      .where(eq(employers.id, ctx.user.id));
    return company ?? null;
  }),

  updateCompany: employerProcedure.input(updateCompanyInput).mutation(async ({ ctx, input }) => {
    if (Object.keys(input).length === 0)
      return (await ctx.db.select(employerProfileColumns).from(employers).where(eq(employers.id, ctx.user.id)))[0];
    const [company] = await ctx.db
      .update(employers)
      .set(input)
      .where(eq(employers.id, ctx.user.id))
      .returning(employerProfileColumns);
    return company;
  }),
});

import { z } from 'zod';
import { COMPANY_SIZES } from '../../db/schema.ts';
import { companyNameInput } from '../auth/schemas.ts';
import { membershipOf, requireCompanyAccess } from '../companies/access.ts';
import { createTRPCRouter, employerProcedure } from '../trpc.ts';
import { loadCompany, updateCompany } from './service.ts';

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
    const membership = await membershipOf(ctx.db, ctx.user.id);
    if (!membership) return null;
    const company = await loadCompany(ctx.db, membership.companyId);
    return company ? { ...company, role: membership.role } : null;
  }),

  /** The company's public profile: its owners' to change. */
  updateCompany: employerProcedure.input(updateCompanyInput).mutation(async ({ ctx, input }) => {
    const { companyId } = await requireCompanyAccess(ctx.db, ctx.user.id, 'members');
    return updateCompany(ctx.db, companyId, input);
  }),
});

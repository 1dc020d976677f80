import { z } from 'zod';
import { COMPANY_SIZES } from '../../db/schema.ts';
import { companyNameInput } from '../auth/schemas.ts';
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
  me: employerProcedure.query(({ ctx }) => loadCompany(ctx.db, ctx.user.id)),

  updateCompany: employerProcedure
    .input(updateCompanyInput)
    .mutation(({ ctx, input }) => updateCompany(ctx.db, ctx.user.id, input)),
});

import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { RACE_ETHNICITY_CATEGORIES, SEX_CATEGORIES } from '../../db/schema.ts';
import { personName } from '../auth/schemas.ts';
import { createTRPCRouter, seekerProcedure } from '../trpc.ts';
import { EXTRACTION_LIMITS, FILE_TOO_LARGE, MAX_RESUME_UPLOAD_BYTES } from './extract-text.ts';
import { jsonResumeSchema } from '../../shared/json-resume.ts';
import {
  correctResumeData,
  loadSelfIdentification,
  loadSeekerProfile,
  saveSelfIdentification,
  setVisibility,
  updateSeekerProfile,
} from './profile.ts';
import { loadResume, RESUME_TOO_LONG, saveResume, type ResumeDeps } from './resume.ts';
import { listSeekerSkills, setSeekerSkills, setSkillsInput } from './skills.ts';
import { forgetUploadedResume, keepUploadedResume } from '../files/resumes.ts';

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
    phone: optionalText(20, 'A phone number').refine(
      (v) => v == null || /^[+()\d\s.-]{3,20}$/.test(v),
      'Enter a phone number with digits, spaces, +, (, ), - or . only.',
    ),
    location: optionalText(100, 'The location'),
  })
  .strict();

type SeekerContext = Parameters<Parameters<typeof seekerProcedure.query>[0]>[0]['ctx'];
const resumeDeps = (ctx: SeekerContext): ResumeDeps => ({
  db: ctx.db,
  ai: ctx.ai,
  localParser: ctx.resumeWork.localParser,
  now: ctx.clock(),
  background: ctx.background,
  onResumeEmbedded: ctx.hooks.onResumeEmbedded,
  retentionMonths: ctx.config.resumeRetentionMonths,
});

export const seekersRouter = createTRPCRouter({
  me: seekerProcedure.query(({ ctx }) => loadSeekerProfile(ctx.db, ctx.user.id, ctx.user.email)),

  updateProfile: seekerProcedure
    .input(updateSeekerProfileInput)
    .mutation(({ ctx, input }) => updateSeekerProfile(ctx.db, ctx.user.id, input)),

  resume: seekerProcedure.query(({ ctx }) => loadResume(ctx.db, ctx.user.id, ctx.config.resumeRetentionMonths)),

  setResume: seekerProcedure
    .input(
      z.object({
        text: z
          .string({ error: 'Paste the text of your resume.' })
          // Longer than any resume once normalized (saveResume holds the limit); bounds the work before it.
          .max(EXTRACTION_LIMITS.characters, RESUME_TOO_LONG),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const saved = await saveResume(resumeDeps(ctx), ctx.user.id, input.text);
      await forgetUploadedResume(ctx.db, ctx.files, ctx.user.id);
      return saved;
    }),

  /** multipart/form-data with a `file` field: PDF, DOCX or plain text, at most MAX_RESUME_UPLOAD_BYTES. */
  uploadResume: seekerProcedure
    .input(z.instanceof(FormData, { message: 'Send the resume as a form with a file field.' }))
    .mutation(async ({ ctx, input }) => {
      const file = input.get('file');
      if (!(file instanceof File)) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Choose a file to upload.' });
      if (file.size > MAX_RESUME_UPLOAD_BYTES) {
        throw new TRPCError({
          code: 'PAYLOAD_TOO_LARGE',
          message: FILE_TOO_LARGE,
        });
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const text = await ctx.resumeWork.extractText(bytes.slice());
      const saved = await saveResume(resumeDeps(ctx), ctx.user.id, text);
      // The original, for the employers of the jobs this seeker applies to (server/files).
      await keepUploadedResume(ctx.db, ctx.files, ctx.user.id, { name: file.name, bytes }, ctx.clock());
      return saved;
    }),

  /** The seeker's corrections of what the parser read (JSON Resume); the text and its embedding stay. */
  updateResumeData: seekerProcedure.input(z.object({ data: jsonResumeSchema })).mutation(async ({ ctx, input }) => {
    if (!(await correctResumeData(ctx.db, ctx.user.id, input.data)))
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'Add your resume first, then correct what we read.' });
    return loadResume(ctx.db, ctx.user.id, ctx.config.resumeRetentionMonths);
  }),

  skills: seekerProcedure.query(({ ctx }) => listSeekerSkills(ctx.db, ctx.user.id)),

  /** Voluntary and optional; stored apart, never shown to employers, never read by matching. */
  selfIdentify: seekerProcedure
    .input(
      z
        .object({ sex: z.enum(SEX_CATEGORIES).nullable(), raceEthnicity: z.enum(RACE_ETHNICITY_CATEGORIES).nullable() })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      await saveSelfIdentification(ctx.db, ctx.user.id, input, ctx.clock());
      return input;
    }),

  /** `asked`: the seeker has answered or declined once, so the app does not ask again. */
  selfIdentification: seekerProcedure.query(({ ctx }) => loadSelfIdentification(ctx.db, ctx.user.id)),

  /** Consent to be found: employers then see the seeker among a job's candidates, anonymously until they apply. */
  setVisibility: seekerProcedure
    .input(z.object({ visibleToEmployers: z.boolean() }).strict())
    .mutation(({ ctx, input }) => setVisibility(ctx.db, ctx.user.id, input.visibleToEmployers)),

  setSkills: seekerProcedure.input(setSkillsInput).mutation(async ({ ctx, input }) => {
    const skills = await setSeekerSkills(ctx.db, ctx.user.id, input.skills);
    // Other skills, other scores: the matches are regenerated after the response.
    ctx.background(() => ctx.hooks.onResumeEmbedded(ctx.user.id));
    return skills;
  }),
});

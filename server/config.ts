import { z } from 'zod';
import { ALGORITHMS, DEFAULT_ALGORITHM } from './matching/algorithms.ts';

// An empty variable counts as unset, so `FOO=` in a shell or .dev.vars does not half-configure.
const optional = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

const EnvSchema = z
  .object({
    APP_ENV: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(['development', 'test', 'production']).default('development'),
    ),
    PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(65535).default(8787)),
    DATA_DIR: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('.data')),
    PGLITE_SHARED_BUFFERS: optional.pipe(
      z
        .string()
        .regex(/^[1-9]\d{0,5}(kB|MB|GB)$/, 'PGLITE_SHARED_BUFFERS must be a size like 384MB or 1GB')
        .optional(),
    ),
    DATABASE_URL: optional.pipe(z.string().url('DATABASE_URL must be a postgres:// URL').optional()),
    OPENAI_API_KEY: optional,
    OPENAI_BASE_URL: optional.pipe(z.string().url('OPENAI_BASE_URL must be a URL').optional()),
    NEON_WS_PROXY: optional,
    SEED_DEMO_DATA: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['true', 'false']).default('true')),
    RESUME_RETENTION_MONTHS: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.coerce.number().int().min(2).max(120).default(24),
    ),
    DECISION_LOG_RETENTION_MONTHS: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.coerce
        .number()
        .int()
        .min(6, 'DECISION_LOG_RETENTION_MONTHS must be at least 6 (the AI decision log is kept 6 months or more)')
        .max(120)
        .default(12),
    ),
    MATCHING_ALGORITHM: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .refine((name) => name in ALGORITHMS, {
          message: `MATCHING_ALGORITHM must be one of ${Object.keys(ALGORITHMS).join(', ')}`,
        })
        .default(DEFAULT_ALGORITHM),
    ),
    PUBLIC_URL: optional.pipe(
      z.string().url('PUBLIC_URL must be the public origin, like https://jobs.example.com').optional(),
    ),
    SMTP_URL: optional.pipe(
      z
        .string()
        .regex(/^smtps?:\/\/[^\s]+$/, 'SMTP_URL must look like smtp://user:pass@host:587 or smtps://user:pass@host:465')
        .optional(),
    ),
    MAIL_FROM: optional,
    MAIL_API: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(['resend'], { error: 'MAIL_API must be resend' }).optional(),
    ),
    MAIL_API_KEY: optional,
    MAIL_API_URL: optional.pipe(z.string().url('MAIL_API_URL must be a URL').optional()),
  })
  .superRefine((e, ctx) => {
    if (e.MAIL_API && !e.MAIL_API_KEY)
      ctx.addIssue({ code: 'custom', path: ['MAIL_API_KEY'], message: 'MAIL_API_KEY is required with MAIL_API' });
    if ((e.MAIL_API || e.SMTP_URL) && !e.MAIL_FROM)
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_FROM'],
        message: 'MAIL_FROM (the sender, like "Fitwork <no-reply@example.com>") is required with a mail transport',
      });
  });

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  dataDir: string;
  /** PGlite's page cache (Postgres's shared_buffers); PGlite's own 128MB when unset. */
  pgliteSharedBuffers: string | undefined;
  databaseUrl: string | undefined;
  openaiApiKey: string | undefined;
  openaiBaseUrl: string | undefined;
  /** Local tests and development of the worker only: see db/neon.ts. */
  neonWsProxy: string | undefined;
  seedDemoData: boolean;
  /** A seeker's resume is erased after this many months without signing in (after a notice). */
  resumeRetentionMonths: number;
  /** Months of the AI decision log kept (at least 6). */
  decisionLogRetentionMonths: number;
  /** The matching algorithm outside experiments (decision 0010): set `blend-v1` to roll blend-v2 back. */
  matchingAlgorithm: string;
  /** The public origin links in emails are built from (no trailing slash). */
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  mailApi: 'resend' | undefined;
  mailApiKey: string | undefined;
  /** Another base URL for the mail API (the tests point it at a local stand-in). */
  mailApiUrl: string | undefined;
}

/** Parses the environment once; refuses to start half-configured and says what is wrong. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = result.data;
  return {
    env: e.APP_ENV,
    port: e.PORT,
    dataDir: e.DATA_DIR,
    pgliteSharedBuffers: e.PGLITE_SHARED_BUFFERS,
    databaseUrl: e.DATABASE_URL,
    openaiApiKey: e.OPENAI_API_KEY,
    openaiBaseUrl: e.OPENAI_BASE_URL,
    neonWsProxy: e.NEON_WS_PROXY,
    seedDemoData: e.SEED_DEMO_DATA === 'true',
    resumeRetentionMonths: e.RESUME_RETENTION_MONTHS,
    decisionLogRetentionMonths: e.DECISION_LOG_RETENTION_MONTHS,
    matchingAlgorithm: e.MATCHING_ALGORITHM,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailApi: e.MAIL_API,
    mailApiKey: e.MAIL_API_KEY,
    mailApiUrl: e.MAIL_API_URL,
  };
}

/**
 * The one place that initializes tRPC: 1. context, 2. init and error shape, 3. procedures.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import type { AiProviders } from './ai/types.ts';
import type { UserType } from '../db/schema.ts';
import type { PasswordHasher } from './auth/passwords.ts';
import type { SessionUser, ValidSession } from './auth/sessions.ts';
import type { AppConfig } from './config.ts';
import type { ResumeWork } from './workers/resume-work.ts';
import type { FileStore } from './files/store.ts';

// 1. Context ------------------------------------------------------------------------------

interface SessionCookies {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/**
 * Everything a procedure may use; built without HTTP in tests (createContextInner). A type, not an
 * interface, so it is a `Record<string, unknown>` as @hono/trpc-server's createContext asks.
 */
export type Context = {
  db: Database;
  config: AppConfig;
  clock: () => Date;
  passwords: PasswordHasher;
  ai: AiProviders;
  /** Reading uploads and the local resume parser: in-process, or a thread pool under Node. */
  resumeWork: ResumeWork;
  /** Where uploaded originals are kept (server/files). */
  files: FileStore;
  session: ValidSession | null;
  user: SessionUser | null;
  /** The caller's network address when known: keys the sign-in throttle. */
  ip: string | null;
  cookies: SessionCookies;
  /** Runs work after the response (waitUntil in the worker, a detached promise under Node). */
  background(task: () => Promise<unknown>): void;
  /** What follows a change, across domains: matching hooks in here (server/hooks.ts). */
  hooks: DomainHooks;
  /** Delivers the outbox after the response (call it after queueing mail). */
  drainMail(): void;
};

export interface DomainHooks {
  onJobsEmbedded(jobIds: number[]): Promise<unknown>;
  onResumeEmbedded(seekerId: number): Promise<unknown>;
}

export function createContextInner(context: Context): Context {
  return context;
}

// 2. Init and the one error shape ----------------------------------------------------------

const INTERNAL_MESSAGE = 'Something went wrong on our side. Please try again in a moment.';

function issuesOf(cause: unknown): z.core.$ZodIssue[] | null {
  return cause instanceof z.ZodError ? cause.issues : null;
}

/** "email: Enter a valid email address", for the first problem; every problem is in fieldErrors. */
function readableMessage(issues: z.core.$ZodIssue[]): string {
  const first = issues[0];
  if (!first) return 'The request was not valid.';
  const field = first.path.join('.');
  return field ? `${field}: ${first.message}` : first.message;
}

const t = initTRPC.context<Context>().create({
  // Stack traces never leave the server, in any environment.
  isDev: false,
  errorFormatter({ shape, error }) {
    const issues = error.code === 'BAD_REQUEST' ? issuesOf(error.cause) : null;
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of issues ?? []) {
      const key = issue.path.join('.') || '_';
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return {
      code: shape.code,
      // Internal errors may carry SQL or driver text: replaced by a sentence for people.
      message:
        error.code === 'INTERNAL_SERVER_ERROR' ? INTERNAL_MESSAGE : issues ? readableMessage(issues) : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fieldErrors: issues ? fieldErrors : null,
      },
    };
  },
});

// 3. Procedures ---------------------------------------------------------------------------

export const createTRPCRouter = t.router;

/** True when a string anywhere in a JSON value holds U+0000, which Postgres text cannot store. */
function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
}

/** Every procedure starts here: input that no column could store is refused up front. */
export const publicProcedure = t.procedure.use(async ({ getRawInput, next }) => {
  if (containsNul(await getRawInput()))
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Text cannot contain the NUL character.' });
  return next();
});

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { ...ctx, user: ctx.user, session: ctx.session } });
});

const ROLE_NAMES: Record<UserType, string> = { job_seeker: 'job seekers', employer: 'employers', admin: 'admins' };

function roleProcedure(role: UserType) {
  return authedProcedure.use(({ ctx, next }) => {
    if (ctx.user.userType !== role) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `This is only available to ${ROLE_NAMES[role]}.` });
    }
    return next({ ctx });
  });
}

export const seekerProcedure = roleProcedure('job_seeker');
export const employerProcedure = roleProcedure('employer');
export const adminProcedure = roleProcedure('admin');

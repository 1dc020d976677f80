import { authedProcedure, createTRPCRouter, publicProcedure } from '../trpc.ts';
import { changePassword, signIn, signUp } from './accounts.ts';
import { loadProfile } from './profile.ts';
import { changePasswordInput, signInInput, signUpInput } from './schemas.ts';
import { invalidateSession } from './sessions.ts';
import {
  confirmEmailChange,
  queueVerificationEmail,
  requestEmailChange,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  verifyEmail,
} from './email-flows.ts';
import {
  confirmEmailChangeInput,
  requestEmailChangeInput,
  requestPasswordResetInput,
  resetPasswordInput,
  verifyEmailInput,
} from './email-schemas.ts';

export const authRouter = createTRPCRouter({
  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    const signedIn = await signUp(ctx.db, ctx.passwords, input, { ip: ctx.ip, now: ctx.clock() }, (tx, user) =>
      queueVerificationEmail(tx, user, ctx.config.publicUrl, ctx.clock()),
    );
    ctx.drainMail();
    // A browser holds one session: the one it had before ends here.
    if (ctx.session) await invalidateSession(ctx.db, ctx.session.id);
    ctx.cookies.set(signedIn.token, signedIn.session.expiresAt);
    return loadProfile(ctx.db, signedIn.user);
  }),

  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const signedIn = await signIn(ctx.db, ctx.passwords, input, { ip: ctx.ip, now: ctx.clock() });
    if (ctx.session) await invalidateSession(ctx.db, ctx.session.id);
    ctx.cookies.set(signedIn.token, signedIn.session.expiresAt);
    return loadProfile(ctx.db, signedIn.user);
  }),

  signOut: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.session) await invalidateSession(ctx.db, ctx.session.id);
    ctx.cookies.clear();
    return { signedOut: true };
  }),

  me: publicProcedure.query(({ ctx }) => (ctx.user ? loadProfile(ctx.db, ctx.user) : null)),

  changePassword: authedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    const { token, session } = await changePassword(ctx.db, ctx.passwords, ctx.user.id, input, {
      ip: ctx.ip,
      now: ctx.clock(),
    });
    ctx.cookies.set(token, session.expiresAt);
    return { changed: true };
  }),

  verifyEmail: publicProcedure
    .input(verifyEmailInput)
    .mutation(({ ctx, input }) => verifyEmail(ctx.db, input.token, ctx.clock())),

  resendVerification: authedProcedure.mutation(async ({ ctx }) => {
    const result = await resendVerification(ctx.db, ctx.user, ctx.config.publicUrl, ctx.clock());
    ctx.drainMail();
    return result;
  }),

  requestPasswordReset: publicProcedure.input(requestPasswordResetInput).mutation(async ({ ctx, input }) => {
    const result = await requestPasswordReset(ctx.db, input.email, {
      ip: ctx.ip,
      now: ctx.clock(),
      publicUrl: ctx.config.publicUrl,
    });
    ctx.drainMail();
    return result;
  }),

  resetPassword: publicProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    const result = await resetPassword(ctx.db, ctx.passwords, input, ctx.clock());
    // Every session ended, this browser's too: it signs in with the new password.
    ctx.cookies.clear();
    return result;
  }),

  requestEmailChange: authedProcedure.input(requestEmailChangeInput).mutation(async ({ ctx, input }) => {
    const result = await requestEmailChange(ctx.db, ctx.passwords, ctx.user, input, {
      ip: ctx.ip,
      now: ctx.clock(),
      publicUrl: ctx.config.publicUrl,
    });
    ctx.drainMail();
    return result;
  }),

  confirmEmailChange: publicProcedure
    .input(confirmEmailChangeInput)
    .mutation(({ ctx, input }) => confirmEmailChange(ctx.db, input.token, ctx.clock())),
});

import { authedProcedure, createTRPCRouter, publicProcedure } from '../trpc.ts';
import { changePassword, signIn, signUp } from './accounts.ts';
import { loadProfile } from './profile.ts';
import { changePasswordInput, signInInput, signUpInput } from './schemas.ts';
import { invalidateSession } from './sessions.ts';

export const authRouter = createTRPCRouter({
  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    const signedIn = await signUp(ctx.db, ctx.passwords, input, { ip: ctx.ip, now: ctx.clock() });
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
    const { token, session } = await changePassword(ctx.db, ctx.passwords, ctx.user.id, input, { ip: ctx.ip, now: ctx.clock() });
    ctx.cookies.set(token, session.expiresAt);
    return { changed: true };
  }),
});

import { z } from 'zod';
import { COMPANY_ROLES } from '../../db/schema.ts';
import { emailInput, newPasswordInput } from '../auth/schemas.ts';
import { invalidateSession } from '../auth/sessions.ts';
import { recordId } from '../ids.ts';
import { createTRPCRouter, employerProcedure, publicProcedure } from '../trpc.ts';
import {
  acceptAsMember,
  acceptAsNewAccount,
  invite,
  invitedAddress,
  pendingInvitations,
  revokeInvitation,
} from './invitations.ts';
import { listMembers, removeMember, setRole } from './members.ts';
import { getCompany } from './read.ts';

const roleInput = z.enum(COMPANY_ROLES, { error: 'Choose owner, recruiter or interviewer.' });
const tokenInput = z
  .string({ error: 'The link has no token.' })
  .trim()
  .min(20, 'The link is incomplete: copy all of it.')
  .max(200, 'The link is not valid.');

export const companiesRouter = createTRPCRouter({
  /** Anyone may read a company's profile and open jobs; the id is the employer's. */
  get: publicProcedure
    .input(z.object({ id: recordId }))
    .query(({ ctx, input }) => getCompany(ctx.db, input.id, ctx.clock())),

  /** Owners invite by email; the link is emailed, never answered here. */
  invite: employerProcedure
    .input(z.object({ email: emailInput, role: roleInput }).strict())
    .mutation(async ({ ctx, input }) => {
      const invitation = await invite(ctx.db, ctx.user.id, input, {
        now: ctx.clock(),
        publicUrl: ctx.config.publicUrl,
      });
      ctx.drainMail();
      return invitation;
    }),

  invitations: employerProcedure.query(({ ctx }) => pendingInvitations(ctx.db, ctx.user.id, ctx.clock())),

  revokeInvite: employerProcedure
    .input(z.object({ id: recordId }).strict())
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.user.id, input.id, ctx.clock())),

  /**
   * Signed in: the employer account the invitation was sent to joins. Signed out: a password
   * makes the account of the invited address, which joins and is signed in.
   */
  acceptInvite: publicProcedure
    .input(z.object({ token: tokenInput, password: newPasswordInput.optional() }).strict())
    .mutation(async ({ ctx, input }) => {
      if (ctx.user) return acceptAsMember(ctx.db, ctx.user, input.token, ctx.clock());
      if (!input.password)
        return { needsAccount: true as const, ...(await invitedAddress(ctx.db, input.token, ctx.clock())) };
      const joined = await acceptAsNewAccount(ctx.db, ctx.passwords, input.token, input.password, ctx.clock());
      if (ctx.session) await invalidateSession(ctx.db, ctx.session.id);
      ctx.cookies.set(joined.token, joined.session.expiresAt);
      return { companyId: joined.companyId, role: joined.role };
    }),

  members: employerProcedure.query(({ ctx }) => listMembers(ctx.db, ctx.user.id)),

  setRole: employerProcedure
    .input(z.object({ userId: recordId, role: roleInput }).strict())
    .mutation(({ ctx, input }) => setRole(ctx.db, ctx.user.id, input.userId, input.role)),

  /** An owner removes a member; a member removes themselves to leave. */
  removeMember: employerProcedure
    .input(z.object({ userId: recordId }).strict())
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.user.id, input.userId)),
});

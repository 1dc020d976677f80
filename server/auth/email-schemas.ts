import { z } from 'zod';
import { currentPasswordInput, emailInput, newPasswordInput } from './schemas.ts';

/** Tokens are 52 base32 characters; a little slack, never a megabyte. */
const tokenInput = z
  .string({ error: 'The link has no token.' })
  .trim()
  .min(20, 'The link is incomplete: copy all of it.')
  .max(200, 'The link is not valid.');

export const verifyEmailInput = z.object({ token: tokenInput });
export const requestPasswordResetInput = z.object({ email: emailInput });
export const resetPasswordInput = z.object({ token: tokenInput, password: newPasswordInput });
export const requestEmailChangeInput = z.object({ email: emailInput, password: currentPasswordInput });
export const confirmEmailChangeInput = z.object({ token: tokenInput });

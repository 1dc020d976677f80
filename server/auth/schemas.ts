import { z } from 'zod';
import { isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords.ts';

export const emailInput = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .pipe(
    z
      .email({ error: 'Enter a valid email address, like name@example.com.' })
      .max(255, 'That email address is too long.'),
  );

export const newPasswordInput = z
  .string({ error: 'Choose a password.' })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine((p) => !isCommonPassword(p), 'This password is one of the most common ones. Choose another.');

/** Sign-in takes any password up to the maximum: the old rules may have been weaker. */
export const currentPasswordInput = z
  .string({ error: 'Enter your password.' })
  .min(1, 'Enter your password.')
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

export const personName = (what: string) =>
  z
    .string({ error: `Enter your ${what}.` })
    .trim()
    .min(1, `Enter your ${what}.`)
    .max(100, `Your ${what} can be at most 100 characters.`);

export const companyNameInput = z
  .string({ error: 'Enter your company name.' })
  .trim()
  .min(1, 'Enter your company name.')
  .max(200, 'The company name can be at most 200 characters.');

// Admin is deliberately absent: admins are made by `npm run admin:create`, never through the API.
export const signUpInput = z.discriminatedUnion(
  'userType',
  [
    z.object({
      userType: z.literal('job_seeker'),
      email: emailInput,
      password: newPasswordInput,
      firstName: personName('first name'),
      lastName: personName('last name'),
    }),
    z.object({
      userType: z.literal('employer'),
      email: emailInput,
      password: newPasswordInput,
      companyName: companyNameInput,
    }),
  ],
  { error: 'Choose whether you are a job seeker or an employer.' },
);
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({ email: emailInput, password: currentPasswordInput });
export const changePasswordInput = z.object({ currentPassword: currentPasswordInput, newPassword: newPasswordInput });

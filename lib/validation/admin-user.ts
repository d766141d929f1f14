import { z } from 'zod';

/** An editor's e-mail, compared in lower case so that "Ann@X.org" and "ann@x.org" are one account. */
export const email = z
  .string({ error: 'Enter an e-mail address.' })
  .trim()
  .toLowerCase()
  .check((ctx) => {
    if (ctx.value === '') ctx.issues.push({ code: 'custom', input: ctx.value, message: 'Enter an e-mail address.' });
    else if (ctx.value.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(ctx.value)) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: 'Enter an e-mail address like editor@example.org.' });
    }
  });

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

// Long enough to pass the length rule yet among the first any guesser tries.
const COMMON = new Set([
  'password1234', 'password12345', 'password123456', '123456789012', '1234567890123', 'qwertyuiop12', 'qwertyuiopasdf',
  'iloveyou1234', 'administrator', 'admin1234567', 'letmein12345', 'welcome12345', 'changeme1234', 'passwordpassword',
]);

/** A new password: long, not one character repeated, not a well-known one, not the e-mail. */
export function passwordIssue(password: string, forEmail?: string): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters (this has ${password.length}).`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (new Set(lower).size < 5) return 'Use at least 5 different characters.';
  if (COMMON.has(lower)) return 'This password is too common; choose another.';
  const local = forEmail?.split('@')[0]?.toLowerCase();
  if (forEmail && (lower.includes(forEmail.toLowerCase()) || (local && local.length >= 4 && lower.includes(local)))) {
    return 'Do not use the e-mail address in the password.';
  }
  return null;
}

/** The sign-in form. The password is only checked against the stored hash, never for rules. */
export const signInSchema = z.object({
  email,
  password: z.string({ error: 'Enter your password.' }).min(1, { message: 'Enter your password.' }).max(PASSWORD_MAX, { message: `Use at most ${PASSWORD_MAX} characters.` }),
});

export type SignInInput = z.output<typeof signInSchema>;

// The password rules the server applies (crates/api auth::password), checked
// before sending so that people see the reason next to the field at once.

import type { TFunction } from 'i18next';

export const MIN_PASSWORD_LENGTH = 10;

/** The password rules the server applies, as a message key, or null when it passes. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'errors.fields.too_short';
  if (username && password.toLowerCase().includes(username.trim().toLowerCase())) return 'errors.fields.contains_username';
  if (new Set(password).size === 1) return 'errors.fields.too_simple';
  return null;
}

/** The checks of a new password and its repetition, for a form with `password` and `repeat`. */
export function newPasswordValidation(t: TFunction, username: string) {
  return {
    password: (v: string) => {
      const problem = passwordProblem(v, username);
      return problem ? t(problem) : null;
    },
    repeat: (v: string, values: { password: string }) => (v === values.password ? null : t('users.password_mismatch')),
  };
}

// The password rules the server applies (crates/api auth::password), checked
// before sending so that people see the reason next to the field at once.

export const MIN_PASSWORD_LENGTH = 10;

/** The password rules the server applies, as a message key, or null when it passes. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'errors.fields.too_short';
  if (username && password.toLowerCase().includes(username.trim().toLowerCase())) return 'errors.fields.contains_username';
  if (new Set(password).size === 1) return 'errors.fields.too_simple';
  return null;
}

import { describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { ApiProblem, parseRetryAfter, unwrap } from '@/api/problem';
import { errorMessage, fieldErrorMessages, formErrorMessage } from './errors';

const t = i18n.getFixedT('lt');

// `code` is a string, not the generated union: a newer server may send codes this client does not know yet.
function problem(status: number, code: string, extra: Record<string, unknown> = {}, retryAfter?: number) {
  const body = { status, code, detail: `server says ${code}`, ...extra } as ConstructorParameters<typeof ApiProblem>[0];
  return new ApiProblem(body, status, retryAfter);
}

describe('problem+json errors in Lithuanian', () => {
  it('translates known codes', () => {
    expect(errorMessage(t, problem(409, 'version_conflict'))).toBe(
      'Įrašą ką tik pakeitė kitas naudotojas – atnaujinkite.',
    );
    expect(errorMessage(t, problem(403, 'forbidden'))).toBe('Jūsų rolė neleidžia atlikti šio veiksmo.');
    // The server's 503: busy for a moment (a deadlock, a lock held too long, every connection taken), nothing written.
    expect(errorMessage(t, problem(503, 'unavailable', {}, 1))).toBe(
      'Sistema šiuo metu užimta – niekas nepakeista. Bandykite dar kartą po akimirkos.',
    );
  });

  it('falls back to the server detail for unknown codes, never internals for 5xx', () => {
    expect(errorMessage(t, problem(422, 'something_new'))).toBe('server says something_new');
    expect(errorMessage(t, problem(502, 'bad_gateway'))).toMatch(/^Serveryje įvyko klaida/);
  });

  it('names a network failure and the wait after too many attempts', () => {
    expect(errorMessage(t, new TypeError('Failed to fetch'))).toBe('Nepavyko susisiekti su serveriu.');
    expect(errorMessage(t, problem(429, 'too_many_attempts', {}, 61))).toBe(
      'Per daug nesėkmingų bandymų. Bandykite dar kartą po 2 min.',
    );
  });

  it('maps field errors to form fields, translated by code', () => {
    const error = problem(422, 'validation_failed', {
      errors: [
        { field: 'password', code: 'too_short', message: 'must be at least 10 characters' },
        { field: 'roles[1]', code: 'unknown_role', message: '`boss` is not a role' },
        { field: 'display_name', code: 'brand_new_rule', message: 'is odd' },
      ],
    });
    expect(fieldErrorMessages(t, error)).toEqual({
      password: 'Slaptažodis per trumpas: bent 10 simbolių.',
      roles: 'Tokios rolės nėra.',
      display_name: 'is odd',
    });
    expect(formErrorMessage(t, error, ['password', 'roles', 'display_name'])).toBeNull();
    expect(formErrorMessage(t, error, ['password'])).toBe('Tokios rolės nėra.');
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(30);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('unwraps an openapi-fetch result into data or an ApiProblem', () => {
    const ok = new Response('{}', { status: 200 });
    expect(unwrap({ data: { a: 1 }, response: ok })).toEqual({ a: 1 });
    const denied = new Response('', { status: 429, headers: { 'Retry-After': '30' } });
    const thrown = (() => {
      try {
        unwrap({ error: { status: 429, code: 'too_many_attempts', detail: 'wait' }, response: denied });
      } catch (e) {
        return e;
      }
    })();
    expect(thrown).toBeInstanceOf(ApiProblem);
    expect((thrown as ApiProblem).retryAfter).toBe(30);
    expect((thrown as ApiProblem).code).toBe('too_many_attempts');
  });
});

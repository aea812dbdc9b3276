import { describe, expect, it } from 'vitest';
import { isValidEmail, parseEmail } from './email';

describe('parseEmail', () => {
  it.each([
    ['anna.berg@example.se', 'anna.berg@example.se'],
    ['  Anna.Berg@Example.SE ', 'Anna.Berg@example.se'],
    ['kassor+medlem@forening.nu', 'kassor+medlem@forening.nu'],
    ['ola@bø.no', 'ola@bø.no'],
    ['ola@xn--b-5ga.no', 'ola@xn--b-5ga.no'],
    ['mailto:ola@example.no', 'ola@example.no'],
    ['<ola@example.no>', 'ola@example.no'],
    ['x@a-b.c-d.museum', 'x@a-b.c-d.museum'],
  ])('accepts %s', (input, email) => {
    expect(parseEmail(input)).toEqual({ ok: true, email });
  });

  it.each([
    ['', 'email-empty'],
    ['   ', 'email-empty'],
    ['anna berg@example.se', 'email-spaces'],
    ['anna.example.se', 'email-missing-at'],
    ['anna@example.se; ola@example.no', 'email-spaces'],
    ['anna@example.se,ola@example.no', 'email-multiple-at'],
    ['@example.se', 'email-local-part'],
    ['.anna@example.se', 'email-local-part'],
    ['anna..berg@example.se', 'email-local-part'],
    ['anna@example', 'email-domain'],
    ['anna@example.', 'email-domain'],
    ['anna@.example.se', 'email-domain'],
    ['anna@example..se', 'email-domain'],
    ['anna@-example.se', 'email-domain'],
    ['anna@example.s', 'email-domain'],
    ['anna@example.123', 'email-domain'],
    ['anna@exa_mple.se', 'email-domain'],
    [`${'a'.repeat(65)}@example.se`, 'email-local-part'],
    [`a@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(10)}.se`, 'email-too-long'], // 259 characters
  ])('rejects %j with %s', (input, code) => {
    expect(parseEmail(input)).toEqual({ ok: false, code });
  });

  it('has a boolean shorthand', () => {
    expect(isValidEmail('a@b.se')).toBe(true);
    expect(isValidEmail('a@b')).toBe(false);
  });
});

/**
 * A pragmatic e-mail check for a member register: catches typos and pasted junk, not RFC 5321
 * in full. The domain part is lowercased; the local part is kept as typed.
 */

export type EmailErrorCode =
  | 'email-empty'
  | 'email-too-long'
  | 'email-spaces'
  | 'email-missing-at'
  /** More than one "@" — often two addresses pasted into one field. */
  | 'email-multiple-at'
  | 'email-local-part'
  | 'email-domain';

export type EmailResult = { ok: true; email: string } | { ok: false; code: EmailErrorCode };

// A domain label: letters (any script, for IDN), digits, hyphens inside.
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TLD = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

export function parseEmail(input: string): EmailResult {
  // Strip a "mailto:" some people paste; surrounding angle brackets too.
  const s = (input ?? '').trim().replace(/^mailto:/i, '').replace(/^<(.*)>$/, '$1');
  if (s === '') return { ok: false, code: 'email-empty' };
  if (s.length > 254) return { ok: false, code: 'email-too-long' };
  if (/\s/.test(s)) return { ok: false, code: 'email-spaces' };
  const at = s.indexOf('@');
  if (at < 0) return { ok: false, code: 'email-missing-at' };
  if (s.indexOf('@', at + 1) >= 0) return { ok: false, code: 'email-multiple-at' };

  const local = s.slice(0, at);
  const domain = s.slice(at + 1).toLowerCase();
  if (local === '' || local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..') || /[,;:<>()[\]\\"]/.test(local)) {
    return { ok: false, code: 'email-local-part' };
  }
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TLD.test(labels[labels.length - 1])) {
    return { ok: false, code: 'email-domain' };
  }
  return { ok: true, email: `${local}@${domain}` };
}

export function isValidEmail(input: string): boolean {
  return parseEmail(input).ok;
}

import type { ExportMember } from './data';
import { formatPostcode } from '../../shared/nordic/postcode';

/** RFC 6350 text value escaping: backslash, comma, semicolon, line breaks. */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 6350 §3.2), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    const limit = out.length ? 74 : 75; // continuation lines start with a space
    if (bytes + n > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** One vCard 4.0 per member: name, mobile (tel: URI, E.164), email, postal address. */
export function toVcards(members: ExportMember[]): string {
  const cards: string[] = [];
  for (const m of members) {
    const lines = ['BEGIN:VCARD', 'VERSION:4.0'];
    lines.push(`FN:${escapeText(`${m.firstName} ${m.lastName}`.trim())}`);
    lines.push(`N:${escapeText(m.lastName)};${escapeText(m.firstName)};;;`);
    if (m.mobile) lines.push(`TEL;VALUE=uri;TYPE=cell:tel:${m.mobile.replace(/[^+\d]/g, '')}`);
    if (m.email) lines.push(`EMAIL:${escapeText(m.email)}`);
    if (m.street || m.postcode || m.city) {
      const postcode = m.postcode ? formatPostcode(m.postcode, m.country) : '';
      lines.push(`ADR:;;${escapeText(m.street ?? '')};${escapeText(m.city ?? '')};;${escapeText(postcode)};${escapeText(m.country)}`);
    }
    lines.push('END:VCARD');
    cards.push(lines.map(foldLine).join('\r\n'));
  }
  return cards.length ? cards.join('\r\n') + '\r\n' : '';
}

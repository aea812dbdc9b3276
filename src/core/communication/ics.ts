import type { Language, SendOutEntity } from '../../shared/contract';
import { parseMarkdown, plainText } from '../../shared/text/markdown';
import { escapeText, foldLine } from '../exports/vcard';
import { audienceText, COMMUNICATION_TEXTS } from './texts';

/** "2026-02-15" → "20260215"; an ISO time → "20260215T093000Z" (UTC, as DTSTAMP requires). */
const icsDate = (iso: string) => iso.slice(0, 10).replace(/-/g, '');
const icsTime = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '').slice(0, 15) + 'Z';

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** RFC 5545 TEXT: no control characters but tab and line breaks (which escapeText turns into \\n). */
// eslint-disable-next-line no-control-regex
const text = (s: string) => escapeText(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''));

/** The longest description kept in a calendar entry (the whole newsletter does not belong there). */
const DESCRIPTION_CHARS = 1000;

/**
 * The plan as iCalendar (RFC 5545): one all-day VEVENT per dated send-out. Text values escaped
 * (backslash, semicolon, comma, line breaks), lines folded at 75 octets without splitting a UTF-8
 * character, CRLF line ends. The UID is stable per send-out, so importing the plan again updates
 * the entries instead of doubling them.
 */
export function planIcs(sendOuts: readonly SendOutEntity[], association: string, now: string, language: Language): string {
  const t = COMMUNICATION_TEXTS[language];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Kansli//${t.files.plan}//${language.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(`${t.files.plan} – ${association}`)}`,
  ];
  for (const s of sendOuts) {
    if (!s.plannedOn) continue;
    const about = [`${t.audience}: ${audienceText(s, language)}`, `${t.status}: ${t.statuses[s.status]}`];
    if (s.important) about.unshift(t.important.line);
    if (s.duesYear || s.duesStep) about.push(t.dues(s.duesYear, s.duesStep));
    // A newsletter's description is its text without the editor's markup.
    const body = Array.from((s.channel === 'newsletter' ? plainText(parseMarkdown(s.body).blocks) : s.body).trim());
    const excerpt = body.length > DESCRIPTION_CHARS ? `${body.slice(0, DESCRIPTION_CHARS).join('')}…` : body.join('');
    lines.push(
      'BEGIN:VEVENT',
      `UID:kansli-send-out-${s.id}-${icsTime(s.createdAt)}@kansli.invalid`,
      `DTSTAMP:${icsTime(now)}`,
      `LAST-MODIFIED:${icsTime(s.updatedAt)}`,
      `DTSTART;VALUE=DATE:${icsDate(s.plannedOn)}`,
      `DTEND;VALUE=DATE:${icsDate(nextDay(s.plannedOn))}`,
      `SUMMARY:${text(`${t.channels[s.channel]}: ${s.title}${s.important ? ` (${t.important.tag})` : ''}`)}`,
      `DESCRIPTION:${text([about.join('\n'), excerpt].filter(Boolean).join('\n\n'))}`,
      `CATEGORIES:${text(t.channels[s.channel])}`,
      `STATUS:${s.status === 'idea' || s.status === 'planned' ? 'TENTATIVE' : 'CONFIRMED'}`,
      'TRANSP:TRANSPARENT',
      // RFC 5545 PRIORITY: 1 is the highest; calendars that show priority mark it.
      ...(s.important ? ['PRIORITY:1'] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

import { describe, expect, it } from 'vitest';
import type { SendOutEntity } from '../../shared/contract';
import { planIcs } from './ics';

const base: SendOutEntity = {
  id: 7,
  title: 'Årsmöte; kallelse, del 1 \\ 2',
  channel: 'sms',
  status: 'planned',
  plannedOn: '2026-02-15',
  audience: { kind: 'group', groupId: 1, roles: ['chair', 'treasurer'] },
  audienceName: 'Styrelsen',
  body: `Hej {firstName}!\nVälkommen till årsmötet – ${'å'.repeat(80)}`,
  duesYear: 2026,
  duesStep: 'invoice',
  frequencyLimit: null,
  paperForOthers: false,
  important: false,
  exportedAt: null,
  sentOn: null,
  createdAt: '2025-06-01T08:30:00.123Z',
  updatedAt: '2025-06-02T09:00:00.000Z',
  exportedRoutes: [],
};

/** RFC 5545 §3.1: unfold (CRLF + one space or tab) into logical lines. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('the plan as iCalendar', () => {
  const ics = planIcs([base, { ...base, id: 8, plannedOn: null }], 'Föreningen, Ödegård', '2025-06-15T10:00:00.000Z', 'sv');

  it('is CRLF-terminated, folded at 75 octets without splitting a character', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics).not.toContain('\uFFFD');
    expect(Buffer.from(ics, 'utf8').toString('utf8')).toBe(ics);
  });

  it('has one all-day event per dated send-out, with its text escaped', () => {
    const lines = unfold(ics);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1); // the undated idea is not in a calendar
    expect(lines).toContain('DTSTART;VALUE=DATE:20260215');
    expect(lines).toContain('DTEND;VALUE=DATE:20260216');
    expect(lines).toContain('UID:kansli-send-out-7-20250601T083000Z@kansli.invalid');
    expect(lines).toContain('DTSTAMP:20250615T100000Z');
    expect(lines).toContain('SUMMARY:SMS: Årsmöte\\; kallelse\\, del 1 \\\\ 2');
    expect(lines).toContain('STATUS:TENTATIVE');
    expect(lines).toContain('X-WR-CALNAME:Utskicksplan – Föreningen\\, Ödegård');
    const description = lines.find((l) => l.startsWith('DESCRIPTION:'))!;
    expect(description).toBe(
      `DESCRIPTION:Mottagare: Styrelsen (Ordförande\\, Kassör)\\nStatus: Planerad\\nMed avgiftsavin 2026\\n\\nHej {firstName}!\\nVälkommen till årsmötet – ${'å'.repeat(80)}`,
    );
  });

  it('describes a newsletter by its text without markup', () => {
    const out = unfold(planIcs([{ ...base, channel: 'newsletter', body: '# Sommar\n\nHej **alla**' }], 'X', '2025-06-15T10:00:00Z', 'en'));
    expect(out.find((l) => l.startsWith('DESCRIPTION:'))).toMatch(/\\n\\nSommar\\n\\nHej alla$/);
  });

  it('marks an important send-out in its summary, description and priority; an ordinary one has none of it', () => {
    expect(unfold(ics).some((l) => l.startsWith('PRIORITY'))).toBe(false);
    const out = unfold(planIcs([{ ...base, title: 'Årsmöte', important: true }], 'X', '2025-06-15T10:00:00Z', 'sv'));
    expect(out).toContain('SUMMARY:SMS: Årsmöte (viktigt)');
    expect(out).toContain('PRIORITY:1');
    expect(out.find((l) => l.startsWith('DESCRIPTION:'))).toMatch(/^DESCRIPTION:Viktigt utskick\\nMottagare: Styrelsen/);
    expect(unfold(planIcs([{ ...base, title: 'Årsmöte', important: true }], 'X', '2025-06-15T10:00:00Z', 'nb'))).toContain('SUMMARY:SMS: Årsmöte (viktig)');
  });

  it('keeps control characters out of the text', () => {
    const out = unfold(planIcs([{ ...base, title: 'A\u0000B\u0007C' }], 'X', '2025-06-15T10:00:00Z', 'en'));
    expect(out).toContain('SUMMARY:SMS: ABC');
  });
});

import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '../../shared/contract';
import { cellAnswer, mappingIssues, parseAnsweredOn, suggestSurveyMapping } from './csv-answers';
import { matchIdentity, type MemberIndex } from './import-run';
import { specialOptions } from './rules';

const questions: SurveyQuestion[] = [
  { id: 11, kind: 'frequency', text: { sv: 'Hur ofta vill du höra från föreningen?' }, required: true, options: specialOptions('frequency'), interests: false },
  { id: 12, kind: 'channels', text: { sv: 'Hur vill du helst att vi hör av oss?', en: 'How would you prefer us to contact you?' }, required: false, options: specialOptions('channels'), interests: false },
  {
    id: 13,
    kind: 'multiple',
    text: { sv: 'Vilka ämnen?' },
    required: false,
    options: [
      { key: 'o1', text: { sv: 'Möten, fester och resor' } },
      { key: 'o2', text: { sv: 'Studier' } },
    ],
    interests: true,
  },
  { id: 14, kind: 'scale', text: { sv: 'Hur nöjd är du?' }, required: false, options: [], interests: false },
  { id: 15, kind: 'long', text: { sv: 'Något mer?' }, required: false, options: [], interests: false },
];
const [freq, channels, topics, scale, text] = questions;

describe('reading a form tool’s columns', () => {
  it('suggests who, when and which question each column is', () => {
    expect(
      suggestSurveyMapping(
        ['Tidstämpel', 'E-postadress', 'Medl.nr', 'Förnamn', 'Efternamn', 'Hur ofta vill du höra från föreningen?', 'How would you prefer us to contact you?', 'Vilka ämnen?', 'Något annat'],
        questions,
      ),
    ).toEqual(['answeredOn', 'email', 'memberNumber', 'name', 'name', 'q:11', 'q:12', 'q:13', null]);
  });

  it('refuses a mapping with no way to find the member, no question, or a column twice', () => {
    expect(mappingIssues(['name', 'q:11'], questions)).toEqual([{ field: 'mapping', code: 'import-no-identity-column' }]);
    expect(mappingIssues(['email', null], questions)).toEqual([{ field: 'mapping', code: 'import-no-question-columns' }]);
    expect(mappingIssues(['email', 'q:11', 'q:11', 'q:99', 'name', 'name'], questions)).toEqual([
      { field: 'mapping.2', code: 'import-column-twice' },
      { field: 'mapping.3', code: 'question-not-found' },
    ]);
  });

  it('reads a cell as the question’s answer and keeps what does not fit as a problem', () => {
    expect(cellAnswer(freq, 'en gång i MÅNADEN')).toEqual({ value: 'monthly', problems: [] });
    expect(cellAnswer(freq, 'Once a month')).toEqual({ value: 'monthly', problems: [] });
    expect(cellAnswer(freq, 'Dagligen')).toEqual({ problems: [{ code: 'answer-not-an-option', value: 'Dagligen' }] });
    expect(cellAnswer(freq, '')).toEqual({ problems: [{ code: 'answer-required', value: '' }] });
    expect(cellAnswer(channels, 'Sms, Brev, Fax')).toEqual({ value: ['sms', 'letter'], problems: [{ code: 'answer-not-an-option', value: 'Fax' }] });
    // An option with a comma of its own is still one option.
    expect(cellAnswer(topics, 'Möten, fester och resor')).toEqual({ value: ['o1'], problems: [] });
    expect(cellAnswer(topics, 'Studier; Möten, fester och resor')).toEqual({ value: ['o1', 'o2'], problems: [] });
    expect(cellAnswer(topics, 'Studier, Resor')).toEqual({ value: ['o2'], problems: [{ code: 'answer-not-an-option', value: 'Resor' }] });
    expect(cellAnswer(scale, '4 - Ganska nöjd')).toEqual({ value: 4, problems: [] });
    expect(cellAnswer(scale, '7')).toEqual({ problems: [{ code: 'answer-out-of-scale', value: '7' }] });
    expect(cellAnswer(scale, 'bra')).toEqual({ problems: [{ code: 'answer-wrong-type', value: 'bra' }] });
    expect(cellAnswer(text, '  Tack!  ')).toEqual({ value: 'Tack!', problems: [] });
  });

  it('reads form tools’ timestamps as dates', () => {
    expect(parseAnsweredOn('2025/03/04 12:33:00')).toBe('2025-03-04');
    expect(parseAnsweredOn('2025-3-4')).toBe('2025-03-04');
    expect(parseAnsweredOn('04.03.2025 12:33')).toBe('2025-03-04');
    expect(parseAnsweredOn('2025-02-30')).toBeNull();
    expect(parseAnsweredOn('igår')).toBeNull();
  });
});

describe('matching an imported row to a member', () => {
  const idx: MemberIndex = {
    byNumber: new Map([[1001, 1], [1002, 2]]),
    byEmail: new Map([['familjen@example.se', [2, 3]], ['anna@example.se', [1]]]),
    byMobile: new Map([['+46701234567', [3]]]),
  };
  const who = (o: Partial<{ memberNumber: string; email: string; mobile: string }>) => ({ name: null, memberNumber: null, email: null, mobile: null, ...o });

  it('by member number, then e-mail, then mobile; a shared address needs the mobile to tell who', () => {
    expect(matchIdentity(idx, who({ memberNumber: '1002', email: 'anna@example.se' }), 'SE')).toEqual({ memberId: 2, reason: null });
    expect(matchIdentity(idx, who({ memberNumber: '9999', email: 'ANNA@example.se ' }), 'SE')).toEqual({ memberId: 1, reason: null });
    expect(matchIdentity(idx, who({ mobile: '070-123 45 67' }), 'SE')).toEqual({ memberId: 3, reason: null });
    expect(matchIdentity(idx, who({ email: 'familjen@example.se' }), 'SE')).toEqual({ memberId: null, reason: 'ambiguous' });
    expect(matchIdentity(idx, who({ email: 'familjen@example.se', mobile: '0701234567' }), 'SE')).toEqual({ memberId: 3, reason: null });
    expect(matchIdentity(idx, who({ email: 'okand@example.se' }), 'SE')).toEqual({ memberId: null, reason: 'no-match' });
  });
});

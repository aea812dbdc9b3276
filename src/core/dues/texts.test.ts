import { describe, expect, it } from 'vitest';
import { DUES_MERGE_FIELDS } from '../../shared/contract/dues';
import { checkTemplate, mergeFields } from '../../shared/text/merge-fields';
import { DUES_TEXTS } from './texts';

const member = { firstName: 'Per', lastName: 'Æsøy', memberNumber: '7', year: '2026', association: 'Idrettslaget Ørn' };
const merge = (template: string, activities: string) => {
  const r = mergeFields(template, { ...member, activities });
  if (!r.ok) throw new Error(r.issue.code);
  return r.text;
};

/** The default letter's lead-in to the activities, per language. */
const LEAD_IN = { sv: 'Det här är på gång:', nb: 'Dette skjer fremover:', en: 'Coming up:' } as const;

describe('the default invoice letter', () => {
  for (const language of ['sv', 'nb', 'en'] as const) {
    const letter = DUES_TEXTS[language].defaultLetter;

    it(`${language}: lists the activities after the lead-in`, () => {
      const text = merge(letter, 'Dugnad 12. mai.\nSommerfest 20. juni.');
      expect(text).toContain(`${LEAD_IN[language]}\nDugnad 12. mai.\nSommerfest 20. juni.\n\n`);
    });

    it(`${language}: without activities, no lead-in and no empty gap; the rest stays`, () => {
      for (const empty of ['', '  \n ']) {
        const text = merge(letter, empty);
        expect(text).not.toContain(LEAD_IN[language]);
        expect(text).not.toMatch(/\n[ \t]*\n[ \t]*\n/);
        expect(text).toMatch(/2026\.\n\n\S/);
        expect(text.startsWith(language === 'en' ? 'Dear Per,' : language === 'sv' ? 'Hej Per!' : 'Hei Per!')).toBe(true);
        expect(text).toContain('Idrettslaget Ørn');
      }
    });
  }

  it('an association’s own text follows the same rule', () => {
    const own = 'Hei {firstName}!\n\nVelkommen til {year}! På programmet:\n{activities}\n\nHilsen styret';
    expect(merge(own, '')).toBe('Hei Per!\n\nVelkommen til 2026!\n\nHilsen styret');
    expect(merge(own, 'Årsmøte')).toBe('Hei Per!\n\nVelkommen til 2026! På programmet:\nÅrsmøte\n\nHilsen styret');
    const ownLine = 'Hej {firstName}!\n\nPå gång i år:\n{activities}\n\nHälsningar';
    expect(merge(ownLine, '')).toBe('Hej Per!\n\nHälsningar');
  });
});

describe('the default reminder texts', () => {
  for (const language of ['sv', 'nb', 'en'] as const) {
    it(`${language}: valid templates that greet and ask, without the facts the letter's intro states`, () => {
      for (const round of [1, 2, 3]) {
        const text = DUES_TEXTS[language].defaultReminder(round);
        expect(checkTemplate(text, DUES_MERGE_FIELDS)).toBeNull();
        expect(text).toMatch(/^(Hej|Hei|Dear) \{firstName\}[!,]\n\n/);
        // "Not received" / "forgotten" are wrong for a member who paid part; the intro says what is left.
        expect(text).not.toMatch(/inte sett|glömts|ikke mottatt|glemt|not received|forgotten|obetald|ubetalt|unpaid/i);
      }
    });
  }
});

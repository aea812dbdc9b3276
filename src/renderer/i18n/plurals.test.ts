import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { allFeatureStrings } from './features';
import { nb } from './nb';
import { sv } from './sv';

/**
 * A count in front of a noun must come with the noun's singular and plural, or the screen says
 * "1 betalningar bokförda". i18next picks `key_one` / `key_other` only from a variable named
 * `count`, so: every text with `{{count` is a plural pair, and a counted noun behind any other
 * number is a mistake (split the text so the noun gets its own `count`).
 */

const LANGUAGES = ['en', 'sv', 'nb'] as const;
type Language = (typeof LANGUAGES)[number];
type Tree = Record<string, unknown>;

interface Source { name: string; trees: Record<Language, Tree> }

const SOURCES: Source[] = [
  { name: 'shared', trees: { en, sv, nb } },
  ...allFeatureStrings().map((f) => ({ name: f.key, trees: { en: f.en, sv: f.sv, nb: f.nb } })),
];

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function leaves(o: unknown, prefix = ''): [string, string][] {
  if (typeof o === 'string') return [[prefix, o]];
  if (typeof o !== 'object' || o === null) return [];
  return Object.entries(o).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/**
 * Plural nouns (and Swedish participles that inflect by number) the app counts. A word here right
 * after a placeholder other than `count` means the noun cannot follow the number. A noun the same
 * in singular and plural ("svar", "avsnitt", "spørsmål") needs no entry: that language cannot get
 * it wrong, and the English text still has it.
 */
const COUNTED_NOUNS = new Set([
  // English
  'rows', 'members', 'payments', 'invoices', 'entries', 'changes', 'messages', 'parts', 'questions', 'addresses',
  'answers', 'sections', 'files', 'debits', 'people', 'days', 'digits', 'characters', 'reminders', 'letters', 'labels',
  'households', 'groups', 'contacts', 'items', 'records', 'transactions', 'orders', 'mandates', 'pages', 'years',
  'months', 'times', 'recipients', 'responses', 'problems', 'deposits', 'persons',
  // Swedish
  'rader', 'medlemmar', 'betalningar', 'fakturor', 'poster', 'ändringar', 'meddelanden', 'delar', 'frågor', 'adresser',
  'filer', 'dragningar', 'dagar', 'siffror', 'påminnelser', 'etiketter', 'grupper', 'kontakter', 'transaktioner',
  'medgivanden', 'sidor', 'månader', 'gånger', 'insättningar', 'personer', 'sms-delar',
  'bokförda', 'påminda', 'skapade', 'uppdaterade', 'överhoppade', 'hittade', 'valda', 'markerade',
  // Norwegian bokmål
  'medlemmer', 'betalinger', 'fakturaer', 'endringer', 'meldinger', 'deler', 'dager', 'sifre', 'purringer', 'transaksjoner',
  'fullmakter', 'sider', 'måneder', 'ganger', 'mottakere', 'sms-deler',
]);

/** Words that join two numbers ("3 of 7"): the noun, if any, belongs to the second number. */
const JOINERS = new Set(['of', 'av', 'till', 'til', 'to', 'x', '×', '–', '-']);

/** What is wrong with one text of a plural family, or nothing. `siblings` are the keys of its object. */
export function pluralProblems(key: string, text: string, hasKey: (k: string) => boolean): string[] {
  const problems: string[] = [];
  const base = key.replace(PLURAL_SUFFIX, '');
  if (/\{\{\s*count\b/.test(text) && !(PLURAL_SUFFIX.test(key) && hasKey(`${base}_one`) && hasKey(`${base}_other`))) {
    problems.push('has {{count}} but no _one and _other forms');
  }
  for (const m of text.matchAll(/\{\{\s*(\w+)\s*(,[^}]*)?\}\}\s*([\p{L}-]+)?/gu)) {
    const [, name, format, word] = m;
    if (name === 'count' || !word) continue;
    const w = word.toLowerCase();
    if (COUNTED_NOUNS.has(w)) problems.push(`“${m[0].trim()}”: a counted noun behind a number that is not {{count}}`);
    else if (format?.includes('number') && !JOINERS.has(w)) problems.push(`“${m[0].trim()}”: a number before a word that may need its plural`);
  }
  // "section(s)", "medlem(mar)": the text could not choose, so the count did not reach it.
  for (const m of text.matchAll(/\p{L}\((s|es|r|er|ar|mar|mer|na|ne)\)/gu)) problems.push(`“${m[0]}”: write the singular and the plural instead`);
  return problems;
}

function problemsOf(tree: Tree): string[] {
  const all = leaves(tree);
  const keys = new Set(all.map(([k]) => k));
  return all.flatMap(([k, v]) => pluralProblems(k, v, (x) => keys.has(x)).map((p) => `${k}: ${p}`));
}

describe('plural forms', () => {
  it('are found missing where they are missing', () => {
    const has = (...ks: string[]) => (k: string) => ks.includes(k);
    expect(pluralProblems('a.import', 'Läs in {{count, number}} betalningar', has())).toHaveLength(1);
    expect(pluralProblems('a.x_one', '{{count}} rad', has('a.x_one'))).toHaveLength(1);
    expect(pluralProblems('a.x_one', '{{count}} rad', has('a.x_one', 'a.x_other'))).toEqual([]);
    expect(pluralProblems('a.done', '{{matched, number}} betalningar bokförda', has())).toHaveLength(1);
    expect(pluralProblems('a.done', '{{created, number}} skapade', has())).toHaveLength(1);
    expect(pluralProblems('a.done', '{{messages}} messages to {{people}} members.', has())).toHaveLength(2);
    expect(pluralProblems('a.sum_one', '{{count}} change for {{members}} member(s):', has('a.sum_one', 'a.sum_other'))).toHaveLength(1);
    // A position ("row 3"), a join of two numbers and an amount are not counts of a noun.
    expect(pluralProblems('a.row', 'Rad {{line}}: {{amount}} från {{name}}', has())).toEqual([]);
    expect(pluralProblems('a.progress', '{{done, number}} av {{total, number}}', has())).toEqual([]);
    expect(pluralProblems('a.shown', '{{shown, number}} of {{total, number}} rows', has())).toHaveLength(1);
  });

  it('exist in all three languages for every counted noun', () => {
    const found = SOURCES.flatMap((s) => LANGUAGES.flatMap((lang) => problemsOf(s.trees[lang]).map((p) => `${s.name} ${lang} ${p}`)));
    expect(found).toEqual([]);
  });

  it('are the ones i18next picks in each language', async () => {
    const t = i18next.createInstance();
    await t.init({
      resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: { n_one: 'one {{count}}', n_other: 'other {{count}}' } }])),
      lng: 'sv',
      interpolation: { escapeValue: false },
    });
    for (const lng of LANGUAGES) {
      expect(t.t('n', { lng, count: 1 })).toBe('one 1');
      expect(t.t('n', { lng, count: 0 })).toBe('other 0');
      expect(t.t('n', { lng, count: 2 })).toBe('other 2');
    }
  });
});

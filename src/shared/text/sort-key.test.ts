import { describe, expect, it } from 'vitest';
import { compareForSort, sortKey, type SortLanguage } from './sort-key';

/** Shuffle deterministically, sort by key with plain `<`, and return the order. */
function sorted(list: string[], lang: SortLanguage): string[] {
  const shuffled = [...list].reverse();
  shuffled.push(shuffled.shift()!);
  return shuffled
    .map((s) => ({ s, k: sortKey(s, lang) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((x) => x.s);
}

/** Byte-wise UTF-8 comparison, as SQLite's BINARY collation does it. */
function utf8Sorted(list: string[], lang: SortLanguage): string[] {
  const enc = new TextEncoder();
  const cmp = (a: Uint8Array, b: Uint8Array): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
    return a.length - b.length;
  };
  return [...list]
    .reverse()
    .map((s) => ({ s, k: enc.encode(sortKey(s, lang)) }))
    .sort((a, b) => cmp(a.k, b.k))
    .map((x) => x.s);
}

describe('sortKey', () => {
  it('sv: å ä ö after z; æ as ä, ø as ö, ü as y, é as e', () => {
    const expected = ['Andersson', 'Éklund', 'Eriksson', 'Mylius', 'Müller', 'Myrdal', 'Zetterberg', 'Åberg', 'Ärlig', 'Ærlig', 'Öberg', 'Øberg', 'Östlund'];
    expect(sorted(expected, 'sv')).toEqual(expected);
    expect(utf8Sorted(expected, 'sv')).toEqual(expected);
  });

  it('nb: æ ø å after z; ä as æ, ö as ø, ü as y; "Aa" is not special-cased', () => {
    const expected = ['Aas', 'Andersen', 'Myhre', 'Müller', 'Zahl', 'Ärlig', 'Ærø', 'Ölund', 'Øvre', 'Åsen'];
    expect(sorted(expected, 'nb')).toEqual(expected);
    expect(utf8Sorted(expected, 'nb')).toEqual(expected);
  });

  it('en: diacritics ignored', () => {
    const expected = ['Åberg', 'Ærlig', 'Andersson', 'Müller', 'Myrdal', 'Öberg', 'Østby', 'Zetterberg'];
    expect(sorted(expected, 'en')).toEqual(expected);
    expect(utf8Sorted(expected, 'en')).toEqual(expected);
  });

  it('is case-insensitive, with a deterministic tie-break', () => {
    const expected = ['de Geer', 'De la Cruz', 'de la Rosa', 'Dehlin'];
    expect(sorted(expected, 'sv')).toEqual(expected);
    expect(sortKey('BERG', 'sv').split('\u0001')[0]).toBe(sortKey('berg', 'sv').split('\u0001')[0]);
    expect(sortKey('BERG', 'sv')).not.toBe(sortKey('berg', 'sv'));
    expect(compareForSort('Berg', 'berg', 'sv')).not.toBe(0);
  });

  it('sorts numbers by value and separators before letters', () => {
    const expected = ['Storgatan 2', 'Storgatan 9', 'Storgatan 10', 'Storgatan 10 B', 'Storgatan 100', 'Storgatans väg'];
    expect(sorted(expected, 'sv')).toEqual(expected);
    expect(sorted(['Bergman', 'Berg, Anna', 'Berg-Olsen', 'Berg'], 'sv')).toEqual(['Berg', 'Berg, Anna', 'Berg-Olsen', 'Bergman']);
    expect(sorted(['Annabel', 'Anna Berg', 'Anna'], 'sv')).toEqual(['Anna', 'Anna Berg', 'Annabel']);
    expect(sorted(['Lag 007', 'Lag 8', 'Lag 10'], 'sv')).toEqual(['Lag 007', 'Lag 8', 'Lag 10']);
  });

  it('handles NFD input, apostrophes, other scripts and empty strings', () => {
    expect(sortKey('Åberg'.normalize('NFD'), 'sv').split('\u0001')[0]).toBe(sortKey('Åberg', 'sv').split('\u0001')[0]);
    expect(sortKey("O'Brien", 'en').split('\u0001')[0]).toBe('obrien');
    expect(sorted(['Ωmega', 'Zorro', 'Åberg'], 'sv')).toEqual(['Zorro', 'Åberg', 'Ωmega']);
    expect(sortKey('', 'sv')).toBe('\u0001');
    expect(sorted(['Berg', ''], 'sv')).toEqual(['', 'Berg']);
  });

  it('primary keys are ASCII for Latin text', () => {
    for (const s of ['Ødegård', 'Åsa Ärlig-Öberg', 'Jürgen Weiß', 'Þórunn', 'Łódź 12']) {
      for (const lang of ['sv', 'nb', 'en'] as const) expect(sortKey(s, lang).split('\u0001')[0]).toMatch(/^[\x20-\x7e]*$/);
    }
  });

});

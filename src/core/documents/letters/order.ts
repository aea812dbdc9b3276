import { DATE_LOCALE } from '../../exports/texts';
import type { LetterData, LetterSort } from './types';

/** The postcode on an address (the last line that starts with one: "114 18 Umeå", "SE-114 18", "0150 Oslo"), digits only. */
export function postcodeOf(addressLines: string[] | null): string {
  for (const line of [...(addressLines ?? [])].reverse()) {
    const m = /^\s*(?:[A-Z]{1,2}-)?(\d{3}\s?\d{2}|\d{4})(?!\d)/.exec(line);
    if (m) return m[1].replace(/\s/g, '');
  }
  return '';
}

/**
 * The letters in print order: by postcode (the post office's presort order; letters with no
 * postcode last), or by name, in the letters' language's collation (å ä ö after z in Swedish,
 * æ ø å in Norwegian); ties by member number so the order is stable.
 */
export function orderLetters(letters: LetterData[], sort: LetterSort): LetterData[] {
  const collator = new Intl.Collator(DATE_LOCALE[letters[0]?.language ?? 'sv']);
  const name = (l: LetterData) => l.sortName ?? l.recipient.name;
  const keyed = letters.map((letter) => ({ letter, postcode: postcodeOf(letter.recipient.addressLines) }));
  keyed.sort((a, b) => {
    if (sort === 'postcode') {
      if (!a.postcode !== !b.postcode) return a.postcode ? -1 : 1;
      const byPostcode = a.postcode.localeCompare(b.postcode);
      if (byPostcode) return byPostcode;
    }
    return collator.compare(name(a.letter), name(b.letter)) || a.letter.memberNumber - b.letter.memberNumber;
  });
  return keyed.map((k) => k.letter);
}

/** A letter can go in the printed file only with a postal address (a name alone does not reach anyone). */
export function isPrintable(letter: LetterData): boolean {
  return (letter.recipient.addressLines ?? []).some((l) => l.trim() !== '');
}

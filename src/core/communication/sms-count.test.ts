import { describe, expect, it } from 'vitest';
import { analyzeSms } from '../../shared/sms/segments';
import { compileTemplate } from './sms-export';
import { createSmsCounter } from './sms-count';

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

const ALPHABET = ['a', 'b', ' ', 'å', 'ö', 'Ø', 'é', 'Ç', '€', '[', '^', 'ç', 'á', '–', '😀', '\n', '1'];

describe('the export counter agrees with analyzeSms', () => {
  it('on 3,000 random merged messages of every length and alphabet', () => {
    const random = rng(42);
    const text = (n: number, pool: string[]) => Array.from({ length: n }, () => pool[Math.floor(random() * pool.length)]).join('');
    for (let k = 0; k < 3000; k++) {
      // Mostly plain text (the fast path), sometimes a wide or non-GSM character.
      const pool = random() < 0.6 ? ALPHABET.slice(0, 8) : ALPHABET;
      const body = `${text(Math.floor(random() * 400), pool)}{firstName}${text(Math.floor(random() * 300), pool)} {lastName}`;
      const template = compileTemplate(body);
      const values = { firstName: text(Math.floor(random() * 20), pool), lastName: text(Math.floor(random() * 20), pool), fullName: '', memberNumber: '1' };
      const merged = template.fill(values);
      const got = createSmsCounter(template.staticText)(merged, [values.firstName, values.lastName]);
      const want = analyzeSms(merged);
      expect(got, JSON.stringify(merged)).toEqual({ segments: want.segments, ucs2: want.encoding === 'UCS-2' });
    }
  });

  it('on the boundaries: 160/161, 153×n, 70/71, 67×n', () => {
    for (const [s, segments] of [['x'.repeat(160), 1], ['x'.repeat(161), 2], ['x'.repeat(306), 2], ['x'.repeat(307), 3], ['ç'.repeat(70), 1], ['ç'.repeat(71), 2], ['ç'.repeat(134), 2], ['ç'.repeat(135), 3]] as const) {
      expect(createSmsCounter(s)(s, []).segments).toBe(segments);
    }
  });
});

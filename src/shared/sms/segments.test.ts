import { describe, expect, it } from 'vitest';
import { analyzeSms, gsm7Replacement, gsmSeptets, toGsm7 } from './segments';
import { vectorsOf } from '../test-vectors';

const label = (s: string): string => {
  const n = Array.from(s).length;
  return `${JSON.stringify(n > 40 ? Array.from(s).slice(0, 40).join('') + '…' : s)} (${n} chars)`;
};

describe('vectors 8_sms_gsm7', () => {
  for (const v of vectorsOf('8_sms_gsm7')) {
    const i = v.input;
    if ('text' in i) {
      const text = String(i.text);
      const e = v.expected as { encoding: string; units?: number; segments: number };
      it(`text ${label(text)}`, () => {
        const r = analyzeSms(text);
        expect(r.encoding).toBe(e.encoding);
        if (e.units !== undefined) expect(r.units).toBe(e.units);
        expect(r.segments).toBe(e.segments);
      });
    } else if ('char' in i) {
      const c = String(i.char);
      const e = v.expected as { gsm7_basic?: boolean; gsm7_extension?: boolean; gsm7?: boolean; septets?: number };
      it(`char ${JSON.stringify(c)}`, () => {
        if (e.gsm7 === false) {
          expect(gsmSeptets(c)).toBeNull();
          expect(analyzeSms(c).encoding).toBe('UCS-2');
        } else {
          expect(gsmSeptets(c)).toBe(e.septets);
          expect(gsmSeptets(c)).toBe(e.gsm7_extension ? 2 : 1);
          expect(analyzeSms(c)).toMatchObject({ encoding: 'GSM-7', units: e.septets, segments: 1 });
        }
      });
    } else {
      it(`unknown vector ${JSON.stringify(i)}`, () => {
        throw new Error('vector shape not handled');
      });
    }
  }
});

describe('analyzeSms', () => {
  it('has the full 3GPP basic table (127 characters + ESC) and 10 extension characters', () => {
    let basic = 0;
    let ext = 0;
    for (let c = 0; c < 0x10000; c++) {
      const w = gsmSeptets(String.fromCharCode(c));
      if (w === 1) basic++;
      if (w === 2) ext++;
    }
    expect(basic).toBe(127);
    expect(ext).toBe(10);
  });

  it('never splits an escape pair or a surrogate pair', () => {
    // 152 x + € : the € would straddle parts 1 and 2, so part 1 holds 152 septets
    expect(analyzeSms('x'.repeat(152) + '€' + 'x'.repeat(151))).toMatchObject({ units: 305, segments: 2, remaining: 0 });
    expect(analyzeSms('x'.repeat(152) + '€' + 'x'.repeat(152))).toMatchObject({ units: 306, segments: 3 });
    // UCS-2: 66 units + emoji (2 units) does not fit in 67
    const r = analyzeSms('ç' + 'a'.repeat(65) + '😀' + 'a'.repeat(10));
    expect(r).toMatchObject({ encoding: 'UCS-2', units: 78, segments: 2, perSegment: 67, remaining: 67 - 12 });
  });

  it('reports empty text and the room left', () => {
    expect(analyzeSms('')).toMatchObject({ encoding: 'GSM-7', units: 0, segments: 0, remaining: 160 });
    expect(analyzeSms('Hej')).toMatchObject({ segments: 1, perSegment: 160, remaining: 157 });
    expect(analyzeSms('x'.repeat(161))).toMatchObject({ segments: 2, perSegment: 153, remaining: 153 - 8 });
  });

  it('counts NFD text as NFC', () => {
    expect(analyzeSms('Påminnelse'.normalize('NFD'))).toMatchObject({ encoding: 'GSM-7', units: 10 });
  });

  it('lists what forces UCS-2, with suggestions', () => {
    const r = analyzeSms('Välkommen “Åsa” – café ç Ç 😀 ç');
    expect(r.encoding).toBe('UCS-2');
    expect(r.ucs2Chars).toEqual([
      { char: '“', replacement: '"' },
      { char: '”', replacement: '"' },
      { char: '–', replacement: '-' },
      { char: 'ç', replacement: 'c' },
      { char: '😀', replacement: null },
    ]);
  });
});

describe('GSM-7 stand-ins', () => {
  it('suggests what the brief asks for and leaves GSM-7 letters alone', () => {
    expect(gsm7Replacement('á')).toBe('a');
    expect(gsm7Replacement('’')).toBe("'");
    expect(gsm7Replacement('“')).toBe('"');
    expect(gsm7Replacement('”')).toBe('"');
    expect(gsm7Replacement('–')).toBe('-');
    expect(gsm7Replacement('—')).toBe('-');
    expect(gsm7Replacement('…')).toBe('...');
    expect(gsm7Replacement('ç')).toBe('c');
    expect(gsm7Replacement('😀')).toBeNull();
    for (const c of 'ÇåäöÅÄÖæøÆØéÉüÜ') expect(gsmSeptets(c), c).toBe(1);
  });

  it('every suggestion is itself GSM-7', () => {
    const sample = 'áâãāąÁÂÃÀĀĄçćčĆČďðđĎÐĐêëēęěÊËÈĒĘĚíîïīıÍÎÏÌĪİłŁńňŋŃŇŊóôõōőÓÔÕÒŌŐœŒřŘśšşŚŠŞťŧŤŦþÞúûūůűÚÛÙŪŮŰýÿÝŸźżžŹŻŽ‘’‚′´`“”„″«»–—−‐‑…•·×÷\u00a0\u2007\u202f\u2009\t\u200b\ufeff\u00ad¢©®™';
    for (const c of sample) {
      const r = gsm7Replacement(c);
      expect(r, c).not.toBeNull();
      for (const x of r!) expect(gsmSeptets(x), `${c} → ${r}`).not.toBeNull();
    }
  });

  it('toGsm7 turns typographic text into one cheaper SMS', () => {
    const text = 'Hej! Årsmötet är ”på riktigt” – kom… Åsa’s café. Sámi: Áltá';
    const fixed = toGsm7(text);
    expect(fixed).toBe('Hej! Årsmötet är "på riktigt" - kom... Åsa\'s café. Sami: Alta');
    expect(analyzeSms(text).encoding).toBe('UCS-2');
    expect(analyzeSms(fixed).encoding).toBe('GSM-7');
    expect(toGsm7('Hej 😀')).toBe('Hej 😀');
  });
});

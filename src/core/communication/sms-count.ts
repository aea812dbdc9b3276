import { analyzeSms, gsmSeptets } from '../../shared/sms/segments';

interface Piece {
  septets: number;
  units: number;
  gsm: boolean;
  /** Holds an extension character (2 septets) or a surrogate pair (2 units): parts may not split it. */
  wide: boolean;
}

function pieceOf(s: string): Piece {
  let septets = 0;
  let gsm = true;
  let wide = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = c.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff) {
      wide = true;
      gsm = false;
      continue;
    }
    const w = gsmSeptets(c);
    if (w === null) gsm = false;
    else {
      septets += w;
      if (w === 2) wide = true;
    }
  }
  return { septets, units: s.length, gsm, wide };
}

/**
 * Segments of many merged messages from one template, for a 100,000-row export: the template's
 * text and each distinct merge value are measured once, and a message's count is their sum — the
 * arithmetic of analyzeSms when no piece holds a 2-unit character (then no part boundary can fall
 * inside one). A message with such a character is counted by analyzeSms itself. Inputs are NFC.
 */
export function createSmsCounter(staticText: string): (text: string, values: readonly string[]) => { segments: number; ucs2: boolean } {
  const base = pieceOf(staticText);
  const cache = new Map<string, Piece>();
  return (text, values) => {
    let septets = base.septets;
    let units = base.units;
    let gsm = base.gsm;
    let wide = base.wide;
    for (const v of values) {
      let p = cache.get(v);
      if (!p) {
        p = pieceOf(v);
        if (cache.size < 50_000) cache.set(v, p);
      }
      septets += p.septets;
      units += p.units;
      gsm &&= p.gsm;
      wide ||= p.wide;
    }
    if (wide) {
      const a = analyzeSms(text);
      return { segments: a.segments, ucs2: a.encoding === 'UCS-2' };
    }
    const n = gsm ? septets : units;
    const [single, multi] = gsm ? [160, 153] : [70, 67];
    return { segments: n === 0 ? 0 : n <= single ? 1 : Math.ceil(n / multi), ucs2: !gsm };
  };
}

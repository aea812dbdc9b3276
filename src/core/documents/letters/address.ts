import type { Content } from 'pdfmake/interfaces';
import { textWidth } from '../pdf';
import { wrap } from './wrap';
import { ADDRESS_BOX, ADDRESS_FONT_SIZE, ADDRESS_LINE_HEIGHT, ADDRESS_MIN_SIZE } from './envelope';

/** Room for rounding and kerning differences between our measurement and pdfmake's. */
const SLACK = 2;

export interface FittedAddress {
  lines: string[];
  fontSize: number;
}

/**
 * The recipient's name and address set so they lie inside the envelope window (ADDRESS_BOX):
 * the largest size from ADDRESS_FONT_SIZE down to ADDRESS_MIN_SIZE at which every line fits
 * unwrapped and all lines fit in the height (address lines are best read one per line); failing
 * that, the largest size at which the lines, wrapped, fit; failing that (an absurdly long
 * address), the smallest size, wrapped — nothing is ever cut off.
 */
export function fitAddress(name: string, addressLines: string[]): FittedAddress {
  const source = [name, ...addressLines].map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const width = ADDRESS_BOX.width - SLACK;
  const heightFits = (count: number, size: number) => count * size * ADDRESS_LINE_HEIGHT <= ADDRESS_BOX.height;
  const sizes: number[] = [];
  for (let s = ADDRESS_FONT_SIZE; s >= ADDRESS_MIN_SIZE; s -= 0.5) sizes.push(s);

  for (const size of sizes) {
    if (heightFits(source.length, size) && source.every((l) => textWidth(l, size) <= width)) return { lines: source, fontSize: size };
  }
  for (const size of sizes) {
    const lines = source.flatMap((l) => wrap(l, size, width));
    if (heightFits(lines.length, size)) return { lines, fontSize: size };
  }
  return { lines: source.flatMap((l) => wrap(l, ADDRESS_MIN_SIZE, width)), fontSize: ADDRESS_MIN_SIZE };
}

/** The address block, absolutely placed in the window on the current page. */
export function addressBlock(name: string, addressLines: string[]): Content {
  const fitted = fitAddress(name, addressLines);
  return {
    absolutePosition: { x: ADDRESS_BOX.x, y: ADDRESS_BOX.y },
    stack: fitted.lines.map((text) => ({ text, noWrap: true })),
    fontSize: fitted.fontSize,
    lineHeight: ADDRESS_LINE_HEIGHT,
  };
}

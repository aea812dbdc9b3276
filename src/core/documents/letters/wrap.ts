import { textWidth } from '../pdf';

/** Greedy word wrap of one line to `width` points; a word wider than the line is cut by characters. */
export function wrap(line: string, size: number, width: number, bold = false): string[] {
  if (textWidth(line, size, bold) <= width) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (textWidth(candidate, size, bold) <= width) {
      current = candidate;
      continue;
    }
    if (current) out.push(current);
    // A single word that does not fit on a line of its own: cut it (nothing may be lost or
    // leave the window; a postal worker reads a broken word better than a missing one).
    let rest = word;
    while (textWidth(rest, size, bold) > width) {
      const chars = Array.from(rest);
      let n = chars.length - 1;
      while (n > 1 && textWidth(chars.slice(0, n).join(''), size, bold) > width) n--;
      out.push(chars.slice(0, n).join(''));
      rest = chars.slice(n).join('');
    }
    current = rest;
  }
  if (current) out.push(current);
  return out;
}


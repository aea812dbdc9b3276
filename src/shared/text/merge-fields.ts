/**
 * Merge fields in texts written by the association (the personal letter on invoices, reminder
 * texts, later SMS): `{firstName}` is replaced by the member's first name.
 *
 * Syntax, kept small so a volunteer cannot get it subtly wrong:
 * - `{name}`: a field; the name is letters and digits, starting with a letter
 * - `{{` and `}}`: a literal `{` / `}`
 * - a `}` on its own is just text (people write smileys and brackets)
 * - a `{` that does not start a well-formed `{name}` is an error (`merge-field-unclosed`), as is a
 *   name not in the allowed list (`merge-field-unknown`): the text is refused when it is saved,
 *   not discovered broken on 800 printed letters.
 *
 * A field left empty takes its lead-in with it (`dropEmptyFields`), so "Dette skjer fremover:" is
 * not printed above nothing when the association has no activities to tell about.
 */

export type MergeFieldErrorCode = 'merge-field-unknown' | 'merge-field-unclosed';

export interface MergeFieldIssue {
  code: MergeFieldErrorCode;
  /** The field name (unknown) or the text from the brace on (unclosed, at most 20 characters). */
  token: string;
  /** Index of the offending `{` in the text. */
  index: number;
}

type Part = { text: string } | { field: string; index: number };

const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/** Splits a template into text and fields; the first syntax problem is returned instead. */
export function parseTemplate(template: string): { ok: true; parts: Part[] } | { ok: false; issue: MergeFieldIssue } {
  const parts: Part[] = [];
  let buf = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    if (c === '{' && template[i + 1] === '{') {
      buf += '{';
      i += 2;
    } else if (c === '}' && template[i + 1] === '}') {
      buf += '}';
      i += 2;
    } else if (c === '{') {
      const end = template.indexOf('}', i + 1);
      const name = end < 0 ? '' : template.slice(i + 1, end);
      if (end < 0 || !NAME.test(name)) {
        return { ok: false, issue: { code: 'merge-field-unclosed', token: template.slice(i, i + 20), index: i } };
      }
      if (buf) parts.push({ text: buf });
      buf = '';
      parts.push({ field: name, index: i });
      i = end + 1;
    } else {
      buf += c;
      i++;
    }
  }
  if (buf) parts.push({ text: buf });
  return { ok: true, parts };
}

/** The first problem of a template against the allowed field names, or null when it is fine. */
export function checkTemplate(template: string, allowed: readonly string[]): MergeFieldIssue | null {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return parsed.issue;
  for (const p of parsed.parts) {
    if ('field' in p && !allowed.includes(p.field)) return { code: 'merge-field-unknown', token: p.field, index: p.index };
  }
  return null;
}

/** The field names a template uses, each once, in order of first use. */
export function templateFields(template: string): string[] {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return [];
  return [...new Set(parsed.parts.flatMap((p) => ('field' in p ? [p.field] : [])))];
}

/**
 * Fills in the fields. Every field the template uses must have a value in `values` (the allowed
 * list): a missing one is `merge-field-unknown`, never silently left empty.
 */
export function mergeFields(
  template: string,
  values: Readonly<Record<string, string>>,
): { ok: true; text: string } | { ok: false; issue: MergeFieldIssue } {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return parsed;
  let out = '';
  const empty: { start: number; end: number }[] = [];
  for (const p of parsed.parts) {
    if ('text' in p) out += p.text;
    else if (Object.prototype.hasOwnProperty.call(values, p.field)) {
      const value = values[p.field];
      if (!value.trim()) empty.push({ start: out.length, end: out.length + value.length });
      out += value;
    } else return { ok: false, issue: { code: 'merge-field-unknown', token: p.field, index: p.index } };
  }
  return { ok: true, text: dropEmptyFields(out, empty) };
}

/**
 * The rule for a field whose value is empty (or only spaces), when nothing but spaces follows it on
 * its line — in words for the association: "an empty field at the end of a line is left out with
 * the sentence ending in ':' just before it, and a line left empty goes too":
 * - the field right after a colon (on its own line, or the same line): the sentence that ends with
 *   the colon is left out — from the last '.', '!' or '?' on that line, or the whole line;
 * - a line that held only the field (and the lead-in, when the whole line was one) is left out,
 *   and so is a blank line next to it that would double the gap between paragraphs.
 * "Her kommer kontingenten for 2026. Dette skjer fremover:\n{activities}\n\nTa gjerne kontakt"
 * thus reads "Her kommer kontingenten for 2026.\n\nTa gjerne kontakt". An empty field inside a
 * sentence is just left empty: cutting words there could change what the sentence says.
 * Works on the merged text at the recorded places, last first, so earlier places stay valid.
 */
function dropEmptyFields(text: string, empty: { start: number; end: number }[]): string {
  let out = text;
  let limit = out.length;
  for (const { start, end } of [...empty].reverse()) {
    // An earlier cut may already have removed this place.
    if (end > limit) continue;
    const after = /^[ \t\r]*(?=\n|$)/.exec(out.slice(end));
    if (!after) continue;
    const lineEnd = end + after[0].length;
    const before = out.slice(0, start);
    const colon = /:[ \t]*(?:\r?\n[ \t]*)?$/.exec(before);
    let cutStart: number;
    if (colon) {
      const lineStart = before.lastIndexOf('\n', colon.index - 1) + 1;
      const sentenceEnds = [...out.slice(lineStart, colon.index).matchAll(/[.!?…]["'”»)]*(?=[ \t]+\S)/g)];
      const last = sentenceEnds.at(-1);
      cutStart = last ? lineStart + last.index + last[0].length : lineStart;
    } else if (/(?:^|\n)[ \t]*$/.test(before)) cutStart = before.lastIndexOf('\n') + 1;
    else continue;
    const wholeLines = cutStart === 0 || out[cutStart - 1] === '\n';
    if (!wholeLines) {
      // The lead-in ended a line that keeps its first sentences; the line break after the field stays.
      out = out.slice(0, cutStart) + out.slice(lineEnd);
    } else {
      out = out.slice(0, cutStart) + out.slice(Math.min(lineEnd + 1, out.length));
      out = closeGap(out, cutStart);
    }
    limit = cutStart;
  }
  return out;
}

/** Whole lines were removed at `at` (a line start): no blank line left doubled, leading or trailing. */
function closeGap(text: string, at: number): string {
  const blankHere = /^[ \t\r]*(?:\n|$)/.exec(text.slice(at));
  const blankBefore = at === 0 || /(?:^|\n)[ \t\r]*\n$/.test(text.slice(0, at));
  if (at >= text.length) return text.slice(0, at).replace(/\s+$/, '');
  if (blankHere && blankBefore) return text.slice(0, at) + text.slice(at + blankHere[0].length);
  return text;
}

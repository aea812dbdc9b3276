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
  for (const p of parsed.parts) {
    if ('text' in p) out += p.text;
    else if (Object.prototype.hasOwnProperty.call(values, p.field)) out += values[p.field];
    else return { ok: false, issue: { code: 'merge-field-unknown', token: p.field, index: p.index } };
  }
  return { ok: true, text: out };
}

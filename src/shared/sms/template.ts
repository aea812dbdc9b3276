import { mergeFields, parseTemplate, type MergeFieldIssue } from '../text/merge-fields';
import { analyzeSms, type SmsAnalysis } from './segments';

export interface SmsTemplateAnalysis {
  /** The message with each merge field at its longest value: what the counter shows. */
  counted: SmsAnalysis;
  /** The characters the writer typed that force UCS-2 (not those of merged names), with suggestions. */
  typedUcs2: SmsAnalysis['ucs2Chars'];
}

/**
 * Counts an SMS template the way the composer shows it: every merge field replaced by the longest
 * value it takes among the recipients (`longest`; a field absent from it is an unknown field), so
 * the count is the worst case. Runs on every keystroke: one parse, one merge, two linear passes.
 */
export function analyzeSmsTemplate(
  template: string,
  longest: Readonly<Record<string, string>>,
): { ok: true; analysis: SmsTemplateAnalysis } | { ok: false; issue: MergeFieldIssue } {
  const merged = mergeFields(template, longest);
  if (!merged.ok) return merged;
  const parsed = parseTemplate(template);
  const typed = parsed.ok ? parsed.parts.map((p) => ('text' in p ? p.text : '')).join('') : template;
  return { ok: true, analysis: { counted: analyzeSms(merged.text), typedUcs2: analyzeSms(typed).ucs2Chars } };
}

/** Replaces every occurrence of `char` outside merge fields by `replacement` (the one-click fix). */
export function replaceChar(template: string, char: string, replacement: string): string {
  return template.normalize('NFC').split(char).join(replacement);
}

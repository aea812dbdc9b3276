import { MAX_SMS_SEGMENTS, type Language } from '../../shared/contract';
import { KansliError } from '../../shared/result';
import { parseTemplate } from '../../shared/text/merge-fields';
import { BOM, neutralise, separatorFor } from '../exports/csv';
import { invalid } from '../members/errors';
import { mergeValuesOf, type MergeValues } from './merge';
import type { Message } from './recipients';
import { createSmsCounter } from './sms-count';
import { COMMUNICATION_TEXTS } from './texts';

export interface MergedSms {
  number: string;
  name: string;
  text: string;
  segments: number;
  ucs2: boolean;
}

export interface CompiledTemplate {
  /** The message for one recipient. */
  fill(values: MergeValues): string;
  /** The template without its fields, and the fields in order (for counting). */
  staticText: string;
  fields: string[];
}

/** A template compiled once, filled per message (100,000 messages: no re-parsing). Text in NFC. */
export function compileTemplate(template: string): CompiledTemplate {
  const parsed = parseTemplate(template.normalize('NFC'));
  if (!parsed.ok) throw invalid('body', parsed.issue.code);
  const parts = parsed.parts;
  const fields = parts.flatMap((p) => ('field' in p ? [p.field] : []));
  return {
    staticText: parts.map((p) => ('text' in p ? p.text : '')).join(''),
    fields,
    fill: (values) => {
      let out = '';
      for (const p of parts) out += 'text' in p ? p.text : (values as Record<string, string>)[p.field].normalize('NFC');
      return out;
    },
  };
}

/**
 * Every SMS as it will be sent, counted. The whole export is refused when any message is over
 * MAX_SMS_SEGMENTS (details name the longest), so no gateway gets a file that is half sendable.
 */
export function mergeSms(messages: readonly Message[], body: string, language: Language): MergedSms[] {
  const template = compileTemplate(body);
  const count = createSmsCounter(template.staticText);
  const out: MergedSms[] = [];
  let worst: MergedSms | null = null;
  for (const m of messages) {
    const values = mergeValuesOf(m.members, language);
    const text = template.fill(values);
    const { segments, ucs2 } = count(text, template.fields.map((f) => (values as Record<string, string>)[f].normalize('NFC')));
    const sms = { number: m.key, name: values.fullName, text, segments, ucs2 };
    if (!worst || sms.segments > worst.segments) worst = sms;
    out.push(sms);
  }
  if (worst && worst.segments > MAX_SMS_SEGMENTS) {
    throw new KansliError('validation', 'An SMS is over the segment limit.', {
      fields: [{ field: 'body', code: 'sms-too-long' }],
      segments: String(worst.segments),
      name: worst.name,
    });
  }
  return out;
}

/** E.164 exactly ("+" and digits): nothing a spreadsheet could run, and what gateways import. */
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The gateway file: number, name, message. Built here rather than with toCsv because the number
 * must stay exactly E.164 ("+46701234567": the only thing in the cell is a plus and digits, so it
 * cannot inject anything, and an apostrophe would break the gateway's import); name and message
 * are neutralised like every other cell.
 */
export function smsCsv(sms: readonly MergedSms[], language: Language): string {
  const sep = separatorFor(language);
  const cell = (v: string) => {
    const safe = neutralise(v);
    return safe !== v || /[";,\r\n\t']|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const t = COMMUNICATION_TEXTS[language].sms;
  const lines = [[t.number, t.name, t.message].map(cell).join(sep)];
  for (const s of sms) {
    if (!E164.test(s.number)) throw new KansliError('internal', `Not an E.164 number: ${s.number}`);
    lines.push(`${s.number}${sep}${cell(s.name)}${sep}${cell(s.text)}`);
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

/** The numbers only, one a line (for gateways that take a list and one text). */
export function numbersList(sms: readonly MergedSms[]): string {
  return sms.map((s) => s.number).join('\r\n') + (sms.length ? '\r\n' : '');
}

import {
  MAX_SMS_SEGMENTS,
  SEND_OUT_MERGE_FIELDS,
  type SendOutChannel,
  type SendOutEntity,
  type SendOutMergeField,
  type SendOutStatus,
} from '../../shared/contract';
import type { FieldIssue } from '../../shared/result';
import { analyzeSmsTemplate } from '../../shared/sms/template';
import { parseMarkdown } from '../../shared/text/markdown';
import { checkTemplate } from '../../shared/text/merge-fields';

export interface BodyCheck {
  channel: SendOutChannel;
  body: string;
  status: SendOutStatus;
  plannedOn: string | null;
}

/** The text's own problems: merge fields (SMS, e-mail, letter), links (newsletter), emptiness. */
export function bodyIssues(c: BodyCheck): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if ((c.status === 'planned' || c.status === 'ready') && !c.plannedOn) issues.push({ field: 'plannedOn', code: 'date-required' });
  if (c.status === 'ready' && !c.body.trim()) issues.push({ field: 'body', code: 'message-empty' });
  if (c.channel === 'newsletter') {
    const unsafe = parseMarkdown(c.body).issues[0];
    if (unsafe) issues.push({ field: 'body', code: unsafe.code });
  } else {
    const merge = checkTemplate(c.body, SEND_OUT_MERGE_FIELDS);
    if (merge) issues.push({ field: 'body', code: merge.code });
  }
  return issues;
}

/** The SMS's segments with every merge field at its longest value (the composer's count). */
export function smsSegmentsAtLongest(body: string, longest: Record<SendOutMergeField, string>): number {
  const r = analyzeSmsTemplate(body, longest);
  return r.ok ? r.analysis.counted.segments : 0;
}

export function tooLong(segments: number): FieldIssue[] {
  return segments > MAX_SMS_SEGMENTS ? [{ field: 'body', code: 'sms-too-long' }] : [];
}

/**
 * What a save does to an exported send-out: a change to what was exported (text, channel,
 * audience, date, limit, paper, the important mark — the last four change who gets it) makes its files stale, so it is ready (or what the user chose)
 * again and its frozen recipients go; a change to the title alone keeps it exported.
 */
export function changesExport(
  before: SendOutEntity,
  after: Pick<SendOutEntity, 'body' | 'channel' | 'audience' | 'plannedOn' | 'frequencyLimit' | 'paperForOthers' | 'important'>,
): boolean {
  return (
    before.body !== after.body ||
    before.channel !== after.channel ||
    JSON.stringify(before.audience) !== JSON.stringify(after.audience) ||
    before.plannedOn !== after.plannedOn ||
    before.frequencyLimit !== after.frequencyLimit ||
    before.paperForOthers !== after.paperForOthers ||
    before.important !== after.important
  );
}

import type { FieldIssue } from '../../shared/result';

/** A contact happened (not in the future); its follow-up, if any, comes on or after it. */
export function contactIssues(c: { on: string; followUpOn: string | null }, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (c.on > today) issues.push({ field: 'on', code: 'date-in-future' });
  if (c.followUpOn !== null && c.followUpOn < c.on) issues.push({ field: 'followUpOn', code: 'follow-up-before-contact' });
  return issues;
}

/**
 * Contacts that count for the journey: every one except an unanswered attempt, and except the
 * entries a send-out wrote (a newsletter to everyone is not a personal contact).
 */
export const COUNTS_AS_CONTACT = "coalesce(outcome, '') != 'no-answer' AND send_out_id IS NULL";

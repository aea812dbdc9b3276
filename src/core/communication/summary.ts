import type { CombinedRow, Language, LeftOutReason, PersonRef, RecipientSummary, Route } from '../../shared/contract';
import type { LoadedSelection } from './load';
import { mergeValueStats } from './merge';
import type { Candidate } from './recipients';

const ref = (c: Candidate): PersonRef => ({ memberId: c.id, memberNumber: c.memberNumber, firstName: c.firstName, lastName: c.lastName });

/**
 * What the recipients screen shows: counts always complete, lists of up to `limit` rows each,
 * sorted by name for reading (the first `limit` in register order: sorting 100,000 names to
 * show 500 of them would cost more than the selection itself).
 */
export function summarize(s: LoadedSelection, language: Language, limit: number): RecipientSummary {
  const collator = new Intl.Collator(language === 'en' ? 'en-GB' : language === 'nb' ? 'nb-NO' : 'sv-SE');
  const byName = (a: PersonRef, b: PersonRef) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName) || a.memberNumber - b.memberNumber;
  const messages: Record<Route, number> = { sms: 0, email: 0, post: 0 };
  const combined: CombinedRow[] = [];
  let combinedTotal = 0;
  let people = 0;
  for (const m of s.messages) {
    messages[m.route]++;
    people += m.members.length;
    for (let i = 1; i < m.members.length; i++) {
      combinedTotal++;
      if (combined.length < limit) combined.push({ ...ref(m.members[i]), route: m.route, with: ref(m.members[0]) });
    }
  }
  const counts: Partial<Record<LeftOutReason, number>> = {};
  for (const l of s.leftOut) counts[l.reason] = (counts[l.reason] ?? 0) + 1;
  const smsMessages = s.messages.filter((m) => m.route === 'sms');
  return {
    audience: s.audienceSize,
    messages,
    people,
    leftOut: {
      total: s.leftOut.length,
      counts,
      rows: s.leftOut
        .slice(0, limit)
        .map((l) => ({ ...ref(l.member), reason: l.reason, ...(l.messages !== undefined ? { messages: l.messages } : {}) }))
        .sort(byName),
    },
    combined: { total: combinedTotal, rows: combined.sort(byName) },
    frequencyLimit: s.frequencyLimit,
    frequencyDefault: s.frequencyDefault,
    window: s.window,
    mergeValues: mergeValueStats(smsMessages.length ? smsMessages : s.messages, language),
  };
}

import { describe, expect, it } from 'vitest';
import { selectRecipients, type Candidate, type SelectionRules } from './recipients';

let next = 1;
function member(p: Partial<Candidate> = {}): Candidate {
  const id = next++;
  return {
    id, memberNumber: 1000 + id, firstName: `F${id}`, lastName: 'Berg', mobile: `+4670123${String(id).padStart(4, '0')}`,
    email: `m${id}@example.org`, consentSms: true, consentEmail: true, consentPost: true, hasAddress: true, householdId: null, ...p,
  };
}

function rules(p: Partial<SelectionRules> & { optOuts?: string[]; sent?: Record<number, number> } = {}): SelectionRules {
  const optOuts = new Set(p.optOuts ?? []);
  return {
    channel: 'sms',
    paperForOthers: false,
    frequencyLimit: 2,
    optedOut: (id, ch) => optOuts.has(`${id}:${ch}`),
    sentInWindow: (id) => p.sent?.[id] ?? 0,
    ...p,
  };
}

const reasons = (s: ReturnType<typeof selectRecipients>) => Object.fromEntries(s.leftOut.map((l) => [l.member.id, l.reason]));
const reached = (s: ReturnType<typeof selectRecipients>) => s.messages.flatMap((m) => m.members.map((x) => x.id));

describe('SMS recipients', () => {
  it('need SMS consent and a valid mobile', () => {
    const ok = member();
    const noConsent = member({ consentSms: false });
    const noMobile = member({ mobile: null });
    const badMobile = member({ mobile: '070-123 45 67' });
    const s = selectRecipients([ok, noConsent, noMobile, badMobile], rules());
    expect(reached(s)).toEqual([ok.id]);
    expect(reasons(s)).toEqual({ [noConsent.id]: 'no-consent', [noMobile.id]: 'no-mobile', [badMobile.id]: 'no-mobile' });
  });

  it('leave out whoever opted out of SMS, before any other reason, and only for SMS', () => {
    const a = member();
    const b = member({ consentSms: false });
    const c = member();
    const s = selectRecipients([a, b, c], rules({ optOuts: [`${a.id}:sms`, `${b.id}:sms`, `${c.id}:email`] }));
    expect(reasons(s)).toEqual({ [a.id]: 'opted-out', [b.id]: 'opted-out' });
    expect(reached(s)).toEqual([c.id]);
  });

  it('send one SMS to a shared phone, addressed to the first by name', () => {
    const anna = member({ firstName: 'Anna', mobile: '+46701112233' });
    const per = member({ firstName: 'Per', mobile: '+46701112233' });
    const eva = member({ firstName: 'Eva' });
    const s = selectRecipients([anna, per, eva], rules());
    expect(s.messages.map((m) => [m.key, m.members.map((x) => x.firstName)])).toEqual([
      ['+46701112233', ['Anna', 'Per']],
      [eva.mobile, ['Eva']],
    ]);
    expect(s.leftOut).toEqual([]);
  });

  it('leave out members who already got the maximum in the window, with the count', () => {
    const twice = member();
    const once = member();
    const never = member();
    const sent = { [twice.id]: 2, [once.id]: 1 };
    const s = selectRecipients([twice, once, never], rules({ sent }));
    expect(s.leftOut).toEqual([{ member: twice, reason: 'frequency-limit', messages: 2 }]);
    expect(reached(selectRecipients([twice, once, never], rules({ sent, frequencyLimit: 1 })))).toEqual([never.id]);
    expect(reached(selectRecipients([twice, once, never], rules({ sent, frequencyLimit: 0 })))).toEqual([twice.id, once.id, never.id]);
  });

  it('apply the limit per member: a shared phone still gets the SMS for the one under it', () => {
    const anna = member({ mobile: '+46709998877' });
    const per = member({ mobile: '+46709998877' });
    const s = selectRecipients([anna, per], rules({ sent: { [anna.id]: 5 } }));
    expect(s.messages).toEqual([{ route: 'sms', key: '+46709998877', members: [per] }]);
    expect(reasons(s)).toEqual({ [anna.id]: 'frequency-limit' });
  });
});

describe('other channels', () => {
  it('e-mail: consent and an address, one message per address whatever its case', () => {
    const a = member({ email: 'Kari@Example.org' });
    const b = member({ email: 'kari@example.org' });
    const c = member({ consentEmail: false });
    const d = member({ email: null });
    const s = selectRecipients([a, b, c, d], rules({ channel: 'email' }));
    expect(s.messages).toEqual([{ route: 'email', key: 'kari@example.org', members: [a, b] }]);
    expect(reasons(s)).toEqual({ [c.id]: 'no-consent', [d.id]: 'no-email' });
  });

  it('letters: post consent and an address; one letter per household', () => {
    const a = member({ householdId: 7 });
    const b = member({ householdId: 7 });
    const c = member({ hasAddress: false });
    const d = member({ consentPost: false });
    const s = selectRecipients([a, b, c, d], rules({ channel: 'letter' }));
    expect(s.messages).toEqual([{ route: 'post', key: 'h7', members: [a, b] }]);
    expect(reasons(s)).toEqual({ [c.id]: 'no-address', [d.id]: 'no-consent' });
  });

  it('paper for others: members without consent or contact data get a letter; an opt-out stays out', () => {
    const sms = member();
    const noMobile = member({ mobile: null });
    const noConsent = member({ consentSms: false });
    const optedOut = member();
    const nowhere = member({ mobile: null, hasAddress: false });
    const s = selectRecipients([sms, noMobile, noConsent, optedOut, nowhere], rules({ paperForOthers: true, optOuts: [`${optedOut.id}:sms`] }));
    expect(s.messages.map((m) => [m.route, m.members[0].id])).toEqual([
      ['sms', sms.id],
      ['post', noMobile.id],
      ['post', noConsent.id],
    ]);
    expect(reasons(s)).toEqual({ [optedOut.id]: 'opted-out', [nowhere.id]: 'no-mobile' });
  });

  it('the frequency limit covers letters too', () => {
    const a = member({ mobile: null });
    const s = selectRecipients([a], rules({ paperForOthers: true, sent: { [a.id]: 2 } }));
    expect(reasons(s)).toEqual({ [a.id]: 'frequency-limit' });
  });
});

describe('stated preferences (the survey)', () => {
  it('a member who named other channels is not reached by SMS, or gets a letter with paper for others; "how often" holds back a message that comes too soon', () => {
    const none = member();
    const letterOnly = member();
    const smsToo = member();
    const monthlyRecent = member();
    const wants: Record<number, string[]> = { [letterOnly.id]: ['post'], [smsToo.id]: ['sms', 'email'] };
    const prefs = {
      prefersRoute: (id: number, route: string) => !wants[id] || wants[id].includes(route),
      frequencyHoldsBack: (id: number) => (id === monthlyRecent.id ? ('prefers-less-often' as const) : null),
    };
    const s = selectRecipients([none, letterOnly, smsToo, monthlyRecent], rules(prefs));
    expect(reached(s)).toEqual([none.id, smsToo.id]);
    expect(reasons(s)).toEqual({ [letterOnly.id]: 'prefers-other-channel', [monthlyRecent.id]: 'prefers-less-often' });
    const paper = selectRecipients([none, letterOnly], rules({ ...prefs, paperForOthers: true }));
    expect(paper.messages.map((m) => [m.route, m.members[0].id])).toEqual([['sms', none.id], ['post', letterOnly.id]]);
  });

  it('"only important news" leaves a member out with its own reason, after the channel rules and before the frequency limit', () => {
    const importantOnly = member();
    const optedOut = member();
    const s = selectRecipients(
      [importantOnly, optedOut],
      rules({ optOuts: [`${optedOut.id}:sms`], sent: { [importantOnly.id]: 5 }, frequencyHoldsBack: () => 'prefers-important-only' }),
    );
    expect(reached(s)).toEqual([]);
    expect(reasons(s)).toEqual({ [importantOnly.id]: 'prefers-important-only', [optedOut.id]: 'opted-out' });
  });
});

import type { LeftOutReason, OptOutChannel, Route, SendOutChannel } from '../../shared/contract';

/** Why a member's stated "how often" holds a message back. */
export type FrequencyReason = Extract<LeftOutReason, 'prefers-less-often' | 'prefers-important-only'>;

/**
 * Who a send-out reaches, as a pure function of the audience's members (in register order), their
 * opt-outs and the send-out messages they got in the frequency window. The rules, in order:
 *
 * 1. The channel's route (SMS; e-mail for e-mail and newsletters; post for letters) needs the
 *    member not to have opted out of it, their consent for it, and a mobile / e-mail / address.
 * 2. "Paper for others": a member the route cannot reach only for want of consent or contact data
 *    gets a printed letter instead, if post can reach them. Someone who opted out is not moved to
 *    another channel: they said no.
 * 3. The member's stated preferences (from the survey, src/core/surveys/preferences.ts): a member
 *    who named the channels they want is not reached through another (with "paper for others" a
 *    member who prefers letters gets one); a member who asked to hear from us weekly, monthly or
 *    quarterly gets nothing if the last send-out reached them more recently than that, important
 *    or not (they asked for a pace, not a kind of news); a member who asked for "only important
 *    news" gets the send-outs marked important, always, and nothing else.
 *    The frequency limit: a member who already got `limit` send-out messages in the window gets
 *    none (0 = no limit).
 * 4. One message per mobile number, e-mail address (case-insensitive) or, on paper, household:
 *    a shared phone gets one SMS. The first of them in the given order is its addressee.
 *
 * A member left out is reported with the first rule that stopped them.
 */

export interface Candidate {
  id: number;
  memberNumber: number;
  firstName: string;
  lastName: string;
  mobile: string | null;
  email: string | null;
  consentSms: boolean;
  consentEmail: boolean;
  consentPost: boolean;
  hasAddress: boolean;
  householdId: number | null;
}

export interface SelectionRules {
  channel: SendOutChannel;
  paperForOthers: boolean;
  /** 0 = no limit. */
  frequencyLimit: number;
  optedOut(memberId: number, channel: OptOutChannel): boolean;
  /** Send-out messages the member got in the window. */
  sentInWindow(memberId: number): number;
  /** False when the member named preferred channels and `route` is not one of them. */
  prefersRoute?(memberId: number, route: Route): boolean;
  /** Why the member's stated "how often" holds this message back, or null when it does not. */
  frequencyHoldsBack?(memberId: number): FrequencyReason | null;
}

export interface Message {
  route: Route;
  /** E.164 number, lower-cased e-mail address, or a household / member key for post. */
  key: string;
  /** The addressee first, then everyone else the message covers. */
  members: Candidate[];
}

export interface Selection {
  messages: Message[];
  leftOut: { member: Candidate; reason: LeftOutReason; messages?: number }[];
}

/** E.164 as the register stores a checked mobile: "+", a country code, 7–15 digits in all. */
const E164 = /^\+[1-9]\d{6,14}$/;

export function primaryRoute(channel: SendOutChannel): Route {
  return channel === 'sms' ? 'sms' : channel === 'letter' ? 'post' : 'email';
}

/** Why `route` cannot reach the member, or null when it can. */
export function routeProblem(c: Candidate, route: Route, rules: Pick<SelectionRules, 'optedOut'>): LeftOutReason | null {
  if (rules.optedOut(c.id, route)) return 'opted-out';
  switch (route) {
    case 'sms':
      if (!c.consentSms) return 'no-consent';
      return c.mobile !== null && E164.test(c.mobile) ? null : 'no-mobile';
    case 'email':
      if (!c.consentEmail) return 'no-consent';
      return c.email !== null && c.email.includes('@') ? null : 'no-email';
    case 'post':
      if (!c.consentPost) return 'no-consent';
      return c.hasAddress ? null : 'no-address';
  }
}

/** Only missing consent or contact data sends a member to paper, never an opt-out. */
const MOVABLE = new Set<LeftOutReason>(['no-consent', 'no-mobile', 'no-email']);

function keyOf(c: Candidate, route: Route): string {
  if (route === 'sms') return c.mobile!;
  if (route === 'email') return c.email!.toLowerCase();
  return c.householdId !== null ? `h${c.householdId}` : `m${c.id}`;
}

export function selectRecipients(candidates: readonly Candidate[], rules: SelectionRules): Selection {
  const primary = primaryRoute(rules.channel);
  const byKey = new Map<string, Message>();
  const messages: Message[] = [];
  const leftOut: Selection['leftOut'] = [];
  for (const c of candidates) {
    let route: Route = primary;
    const problem = routeProblem(c, primary, rules);
    if (problem) {
      if (!(rules.paperForOthers && primary !== 'post' && MOVABLE.has(problem) && routeProblem(c, 'post', rules) === null)) {
        leftOut.push({ member: c, reason: problem });
        continue;
      }
      route = 'post';
    }
    if (rules.prefersRoute && !rules.prefersRoute(c.id, route)) {
      const toPaper = rules.paperForOthers && route !== 'post' && rules.prefersRoute(c.id, 'post') && routeProblem(c, 'post', rules) === null;
      if (!toPaper) {
        leftOut.push({ member: c, reason: 'prefers-other-channel' });
        continue;
      }
      route = 'post';
    }
    const notNow = rules.frequencyHoldsBack?.(c.id) ?? null;
    if (notNow) {
      leftOut.push({ member: c, reason: notNow });
      continue;
    }
    if (rules.frequencyLimit > 0) {
      const got = rules.sentInWindow(c.id);
      if (got >= rules.frequencyLimit) {
        leftOut.push({ member: c, reason: 'frequency-limit', messages: got });
        continue;
      }
    }
    const key = `${route}:${keyOf(c, route)}`;
    const existing = byKey.get(key);
    if (existing) existing.members.push(c);
    else {
      const m: Message = { route, key: keyOf(c, route), members: [c] };
      byKey.set(key, m);
      messages.push(m);
    }
  }
  return { messages, leftOut };
}

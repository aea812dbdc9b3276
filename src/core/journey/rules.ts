import type { JourneyExplanation, JourneyFacts, JourneyReason, JourneyStage } from '../../shared/contract';
import { sql, type SqlQuery } from '../db/sql';
import { addDays, addMonths } from '../periods/rules';
import { unpaidAfterReminderSql } from './dues-facts';

/**
 * The member journey, in ONE place: an ordered list of rules, the first that holds wins. Each
 * rule has a pure test over a member's facts (the member page's explanation) and the same test
 * as an SQL predicate over `members m` (segments, counts, list columns), so both always agree —
 * journey.test.ts checks them against each other. The dues work adds its rules here (e.g. "unpaid
 * after the first reminder" → at-risk, before the engaged rules).
 */
export interface JourneyThresholds {
  today: string;
  /** Joined on or after this day = new. */
  newSince: string;
  /** Contact or a role on or after this day = engaged. */
  activeSince: string;
}

export interface JourneyRule {
  stage: JourneyStage;
  reason: JourneyReason;
  test(f: JourneyFacts, t: JourneyThresholds): boolean;
  sql(t: JourneyThresholds): SqlQuery;
}

export const NEW_DAYS = 90;
export const ACTIVE_MONTHS = 12;

export function thresholds(today: string): JourneyThresholds {
  return { today, newSince: addDays(today, -NEW_DAYS), activeSince: addMonths(today, -ACTIVE_MONTHS) };
}

const since = (f: JourneyFacts) => f.statusSince ?? f.joinedOn;

export const JOURNEY_RULES: JourneyRule[] = [
  { stage: 'lapsed', reason: 'left', test: (f) => f.status === 'left', sql: () => sql`m.status = 'left'` },
  { stage: 'lapsed', reason: 'struck-off', test: (f) => f.status === 'struck_off', sql: () => sql`m.status = 'struck_off'` },
  {
    stage: 'recruited',
    reason: 'not-yet-joined',
    test: (f, t) => f.joinedOn === null || f.joinedOn > t.today,
    sql: (t) => sql`(m.joined_on IS NULL OR m.joined_on > ${t.today})`,
  },
  {
    stage: 'new',
    reason: 'joined-recently',
    test: (f, t) => (since(f) ?? '') >= t.newSince,
    sql: (t) => sql`coalesce(m.status_since, m.joined_on) >= ${t.newSince}`,
  },
  {
    // Unpaid after the first reminder: at risk even with recent contact or a role (the engaged
    // rules come after) — a busy volunteer who stopped paying is whom the call list is for.
    stage: 'at-risk',
    reason: 'unpaid-after-reminder',
    test: (f, t) => f.unpaidAfterReminderOn !== null && f.unpaidAfterReminderOn <= t.today,
    sql: (t) => unpaidAfterReminderSql(t.today),
  },
  {
    stage: 'engaged',
    reason: 'recent-contact',
    test: (f, t) => f.lastContactOn !== null && f.lastContactOn >= t.activeSince,
    sql: (t) => sql`m.last_contact_on >= ${t.activeSince}`,
  },
  {
    stage: 'engaged',
    reason: 'recent-role',
    test: (f, t) => f.lastRoleOn !== null && f.lastRoleOn >= t.activeSince,
    sql: (t) => sql`m.id IN (SELECT member_id FROM group_roles WHERE from_on <= ${t.today} AND (to_on IS NULL OR to_on >= ${t.activeSince}))`,
  },
];

/** When no rule holds. */
const FALLBACK = { stage: 'at-risk', reason: 'no-contact-12-months' } as const;

export function journeyStage(facts: JourneyFacts, today: string, rules: readonly JourneyRule[] = JOURNEY_RULES): JourneyExplanation {
  const t = thresholds(today);
  const hit = rules.find((r) => r.test(facts, t)) ?? FALLBACK;
  return {
    stage: hit.stage,
    reason: hit.reason,
    at: today,
    facts,
    thresholds: { newSince: t.newSince, activeSince: t.activeSince },
  };
}

/** `CASE WHEN … END` giving each member's stage, for the alias `m`. */
export function journeyStageSql(today: string, rules: readonly JourneyRule[] = JOURNEY_RULES): SqlQuery {
  const t = thresholds(today);
  let q = sql`CASE`;
  for (const r of rules) q = sql`${q} WHEN ${r.sql(t)} THEN ${r.stage}`;
  return sql`(${q} ELSE ${FALLBACK.stage} END)`;
}

/** The latest day a role was held up to `today` (today itself while one is ongoing). */
export function lastRoleOn(periods: { from: string; to: string | null }[], today: string): string | null {
  let best: string | null = null;
  for (const p of periods) {
    if (p.from > today) continue;
    const end = p.to === null || p.to > today ? today : p.to;
    if (best === null || end > best) best = end;
  }
  return best;
}

import { z } from 'zod';
import { handler } from './define';
import { idSchema, isoDateSchema, type MemberStatus } from './types';

/** In order of the journey; i18n keys under "journey.". */
export const JOURNEY_STAGES = ['recruited', 'new', 'engaged', 'at-risk', 'lapsed'] as const;
export type JourneyStage = (typeof JOURNEY_STAGES)[number];

/** Why: an i18n key under "journey.reasons."; more come with the dues work. */
export type JourneyReason =
  | 'left'
  | 'struck-off'
  | 'not-yet-joined'
  | 'joined-recently'
  | 'recent-contact'
  | 'recent-role'
  | 'unpaid-after-reminder'
  | 'no-contact-12-months';

/** The facts a stage was computed from, shown beside the explanation. */
export interface JourneyFacts {
  status: MemberStatus;
  /** The date of the current status (joined, re-joined, left, struck off). */
  statusSince: string | null;
  joinedOn: string | null;
  /** Latest contact that was not 'no-answer'. */
  lastContactOn: string | null;
  /** Latest day a role was held (today if one is ongoing). */
  lastRoleOn: string | null;
  /** The first reminder's date of a dues invoice the member still owes (null: none reminded and unpaid). */
  unpaidAfterReminderOn: string | null;
}

export interface JourneyExplanation {
  stage: JourneyStage;
  reason: JourneyReason;
  /** The day the stage holds for. */
  at: string;
  facts: JourneyFacts;
  /** Thresholds the rule compared against, e.g. { since: '2024-03-01' }. */
  thresholds: Record<string, string>;
}

export const journeyContract = {
  'journey.forMember': handler<JourneyExplanation>()(z.object({ memberId: idSchema, at: isoDateSchema.optional() })),
  /** Members (not archived) per stage. */
  'journey.counts': handler<Record<JourneyStage, number>>()(z.object({ at: isoDateSchema.optional() })),
} as const;

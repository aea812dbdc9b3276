import { z } from 'zod';
import { handler } from './define';
import { idArgs, idSchema, isoDateSchema } from './types';

export const CONTACT_KINDS = ['call', 'meeting', 'letter', 'email', 'sms'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_OUTCOMES = ['reached', 'no-answer', 'call-back', 'declined'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export interface ContactEntity {
  id: number;
  memberId: number;
  kind: ContactKind;
  on: string;
  madeBy: string;
  outcome: ContactOutcome | null;
  notes: string;
  followUpOn: string | null;
  followUpDoneOn: string | null;
}

export interface FollowUpRow extends ContactEntity {
  memberNumber: number;
  firstName: string;
  lastName: string;
  mobile: string | null;
}

export const contactInputSchema = z.object({
  kind: z.enum(CONTACT_KINDS),
  on: isoDateSchema,
  madeBy: z.string().trim().max(100).default(''),
  outcome: z.enum(CONTACT_OUTCOMES).nullable().default(null),
  notes: z.string().max(4000).default(''),
  followUpOn: isoDateSchema.nullable().default(null),
});
export type ContactInput = z.input<typeof contactInputSchema>;

export const contactLogContract = {
  /** Newest first. */
  'contactLog.list': handler<ContactEntity[]>()(
    z.object({ memberId: idSchema, limit: z.number().int().min(1).max(1000).default(200) }),
  ),
  /** Refused: `date-in-future`, `follow-up-before-contact`. */
  'contactLog.add': handler<ContactEntity>()(contactInputSchema.extend({ memberId: idSchema })),
  'contactLog.update': handler<ContactEntity>()(contactInputSchema.extend({ id: idSchema })),
  'contactLog.remove': handler<{ removed: true }>()(idArgs),
  'contactLog.completeFollowUp': handler<ContactEntity>()(z.object({ id: idSchema, on: isoDateSchema.optional() })),
  /** Open follow-ups dated on or before `until` (default today), across members, oldest first. */
  'contactLog.followUpsDue': handler<FollowUpRow[]>()(
    z.object({ until: isoDateSchema.optional(), limit: z.number().int().min(1).max(2000).default(500) }),
  ),
} as const;

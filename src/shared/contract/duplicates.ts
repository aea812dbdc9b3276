import { z } from 'zod';
import { handler } from './define';
import { idSchema } from './types';
import type { MemberEntity } from './members';

export type DuplicateReason = 'same-identity' | 'same-email' | 'same-mobile' | 'similar-name-same-birth-date';

export interface DuplicateMember {
  id: number;
  memberNumber: number;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  email: string | null;
  mobile: string | null;
  city: string | null;
}

export interface DuplicateCandidate {
  a: DuplicateMember;
  b: DuplicateMember;
  reasons: DuplicateReason[];
}

export const MERGE_FIELDS = [
  'firstName', 'lastName', 'birthDate', 'identityNumber', 'street', 'postcode', 'city', 'country',
  'email', 'mobile', 'consentSms', 'consentEmail', 'consentPost', 'joinedOn',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export interface MergeFieldChoice {
  field: MergeField;
  keep: string | boolean | null;
  other: string | boolean | null;
  chosen: 'keep' | 'other';
}

export interface MergePreview {
  fields: MergeFieldChoice[];
  /** Rows that move from the other member to the kept one. */
  moves: { contacts: number; roles: number; typePeriods: number; history: number; customValues: number };
}

const mergeArgs = z.object({
  keepId: idSchema,
  otherId: idSchema,
  /** Per field; default: the kept member's value when non-empty, else the other's. */
  choose: z.partialRecord(z.enum(MERGE_FIELDS), z.enum(['keep', 'other'])).default({}),
});

export const duplicatesContract = {
  /** Among members not archived. */
  'duplicates.find': handler<DuplicateCandidate[]>()(z.object({ limit: z.number().int().min(1).max(5000).default(500) })),
  /** Refused: `merge-self`, `already-merged` (conflict). */
  'duplicates.mergePreview': handler<MergePreview>()(mergeArgs),
  /** The other member is archived with `mergedInto`; everything else moves to the kept one. */
  'duplicates.merge': handler<MemberEntity>()(mergeArgs),
} as const;

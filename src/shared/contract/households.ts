import { z } from 'zod';
import { handler } from './define';
import { idArgs, idSchema } from './types';

export interface HouseholdMember {
  id: number;
  memberNumber: number;
  firstName: string;
  lastName: string;
  street: string | null;
  postcode: string | null;
  city: string | null;
}

export interface HouseholdEntity {
  id: number;
  name: string | null;
  members: HouseholdMember[];
}

/** Members at the same address who are not (all) in one household yet. */
export interface HouseholdSuggestion {
  /** The normalised address the members share. */
  addressKey: string;
  /** The household some of them already form, to add the others to. */
  householdId: number | null;
  members: HouseholdMember[];
}

const memberIds = z.array(idSchema).min(1).max(50);

export const householdsContract = {
  'households.get': handler<HouseholdEntity>()(idArgs),
  /** Refused with `household-too-small` for fewer than two members. */
  'households.create': handler<HouseholdEntity>()(
    z.object({ name: z.string().trim().max(200).nullable().optional(), memberIds: memberIds }),
  ),
  'households.rename': handler<HouseholdEntity>()(z.object({ id: idSchema, name: z.string().trim().max(200).nullable() })),
  'households.addMembers': handler<HouseholdEntity>()(z.object({ id: idSchema, memberIds })),
  /** A household left with fewer than two members dissolves; the result is then null. */
  'households.removeMember': handler<HouseholdEntity | null>()(z.object({ memberId: idSchema })),
  'households.suggestions': handler<HouseholdSuggestion[]>()(z.object({ limit: z.number().int().min(1).max(1000).default(200) })),
} as const;

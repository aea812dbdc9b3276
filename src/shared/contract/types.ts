import { z } from 'zod';
import { handler } from './define';

/** Primitives the register's contracts share, and the membership types. */

export const MEMBER_STATUSES = ['active', 'left', 'struck_off'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date as `YYYY-MM-DD` (2023-02-29 is refused). */
export function isRealIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
export const isoDateSchema = z.string().max(10).refine(isRealIsoDate, { message: 'date-invalid' });
export const idSchema = z.number().int().positive();
export const idArgs = z.object({ id: idSchema });
export const memberIdArgs = z.object({ memberId: idSchema });

export interface MembershipTypeEntity {
  id: number;
  /** Built-in types have a code the UI translates; the association's own have only a name. */
  code: string | null;
  name: string;
  paysDues: boolean;
  mayVote: boolean;
  archived: boolean;
  /** Members holding the type now (not archived). */
  memberCount: number;
}

/** One period of a member's type; `to` null = still held. Inclusive at both ends. */
export interface TypePeriodEntity {
  id: number;
  memberId: number;
  membershipTypeId: number;
  from: string;
  to: string | null;
}

const typeName = z.string().trim().min(1).max(100);

export const membershipTypeInputSchema = z.object({
  name: typeName,
  paysDues: z.boolean(),
  mayVote: z.boolean(),
});
export type MembershipTypeInput = z.input<typeof membershipTypeInputSchema>;

export const membershipTypesContract = {
  'membershipTypes.list': handler<MembershipTypeEntity[]>()(z.object({ includeArchived: z.boolean().default(false) })),
  'membershipTypes.create': handler<MembershipTypeEntity>()(membershipTypeInputSchema),
  'membershipTypes.update': handler<MembershipTypeEntity>()(
    z.object({ id: idSchema, name: typeName.optional(), paysDues: z.boolean().optional(), mayVote: z.boolean().optional() }),
  ),
  /** Hidden from new choices; members keep it. */
  'membershipTypes.archive': handler<MembershipTypeEntity>()(idArgs),
  'membershipTypes.unarchive': handler<MembershipTypeEntity>()(idArgs),
  /** Refused with conflict `type-in-use` when any member or period refers to it. */
  'membershipTypes.delete': handler<{ deleted: true }>()(idArgs),
  /** A member's type periods, oldest first. */
  'membershipTypes.periods': handler<TypePeriodEntity[]>()(memberIdArgs),
  /** Closes the open period the day before `from` (default today) and opens one with the new type. */
  'membershipTypes.change': handler<TypePeriodEntity[]>()(
    z.object({ memberId: idSchema, membershipTypeId: idSchema, from: isoDateSchema.optional() }),
  ),
} as const;

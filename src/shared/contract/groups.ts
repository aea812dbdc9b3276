import { z } from 'zod';
import { handler } from './define';
import { idArgs, idSchema, isoDateSchema, memberIdArgs } from './types';

export const GROUP_KINDS = ['board', 'section', 'committee', 'other'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
/** i18n keys under "roles.". */
export const ROLES = ['chair', 'vice-chair', 'treasurer', 'secretary', 'member-responsible', 'local-leader', 'deputy', 'member'] as const;
export type Role = (typeof ROLES)[number];

export interface GroupEntity {
  id: number;
  name: string;
  kind: GroupKind;
  archived: boolean;
  /** Roles held today. */
  currentCount: number;
}

/** A role held in a group for a period (inclusive; `to` null = ongoing). */
export interface RolePeriodEntity {
  id: number;
  memberId: number;
  groupId: number;
  groupName: string;
  role: Role;
  from: string;
  to: string | null;
}

export interface RoleHolderRow extends RolePeriodEntity {
  memberNumber: number;
  firstName: string;
  lastName: string;
}

const groupInput = z.object({ name: z.string().trim().min(1).max(100), kind: z.enum(GROUP_KINDS) });
export type GroupInput = z.input<typeof groupInput>;

export const roleInputSchema = z.object({
  memberId: idSchema,
  groupId: idSchema,
  role: z.enum(ROLES),
  from: isoDateSchema,
  to: isoDateSchema.nullable().optional(),
});
export type RoleInput = z.input<typeof roleInputSchema>;

export const groupsContract = {
  'groups.list': handler<GroupEntity[]>()(z.object({ includeArchived: z.boolean().default(false) })),
  'groups.create': handler<GroupEntity>()(groupInput),
  'groups.update': handler<GroupEntity>()(groupInput.extend({ id: idSchema })),
  'groups.archive': handler<GroupEntity>()(idArgs),
  'groups.unarchive': handler<GroupEntity>()(idArgs),
  /**
   * Who held roles in the group: at one date (default today), or at any time in [from, to]
   * ("the board of 2019": from 2019-01-01 to 2019-12-31).
   */
  'groups.holders': handler<RoleHolderRow[]>()(
    z.object({ groupId: idSchema, at: isoDateSchema.optional(), from: isoDateSchema.optional(), to: isoDateSchema.optional() }),
  ),
  'groups.memberRoles': handler<RolePeriodEntity[]>()(memberIdArgs),
  /** Refused: `date-range-reversed`, `role-period-overlap`, `member-not-active-at-date`, `group-archived`. */
  'groups.addRole': handler<RolePeriodEntity>()(roleInputSchema),
  'groups.updateRole': handler<RolePeriodEntity>()(
    z.object({ id: idSchema, from: isoDateSchema, to: isoDateSchema.nullable() }),
  ),
  'groups.endRole': handler<RolePeriodEntity>()(z.object({ id: idSchema, on: isoDateSchema.optional() })),
  /** For an entry made by mistake; ending a role is `groups.endRole`. */
  'groups.removeRole': handler<{ removed: true }>()(idArgs),
} as const;

import { z } from 'zod';
import type { ContactEntity } from './contact-log';
import type { CustomFieldEntity, CustomValueEntity } from './custom-fields';
import { handler } from './define';
import type { RolePeriodEntity } from './groups';
import type { HistoryEntity } from './history';
import type { HouseholdEntity } from './households';
import type { JourneyExplanation } from './journey';
import { segmentRefSchema } from './segments';
import { idSchema, isoDateSchema, MEMBER_STATUSES, type MemberStatus, type MembershipTypeEntity, type TypePeriodEntity } from './types';

export const MEMBER_SORT_COLUMNS = [
  'memberNumber',
  'lastName',
  'firstName',
  'email',
  'mobile',
  'postcode',
  'city',
  'membershipType',
  'status',
  'joinedOn',
] as const;
export type MemberSortColumn = (typeof MEMBER_SORT_COLUMNS)[number];

/** A member as the register holds it. Identity numbers come masked unless asked for one member. */
export interface MemberEntity {
  id: number;
  memberNumber: number;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  identityNumber: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  email: string | null;
  mobile: string | null;
  consentSms: boolean;
  consentEmail: boolean;
  consentPost: boolean;
  membershipTypeId: number | null;
  joinedOn: string | null;
  status: MemberStatus;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** The date of the current status (joined, re-joined, left, struck off). */
  statusSince: string | null;
  householdId: number | null;
  /** Set on a member archived by a merge: the member it was merged into. */
  mergedInto: number | null;
  lastContactOn: string | null;
}

/** One row of the member list: what the table shows. */
export interface MemberRow {
  id: number;
  memberNumber: number;
  firstName: string;
  lastName: string;
  /** Masked: "19880320-****". */
  identityMasked: string | null;
  email: string | null;
  mobile: string | null;
  postcode: string | null;
  city: string | null;
  membershipTypeId: number | null;
  status: MemberStatus;
  joinedOn: string | null;
  archived: boolean;
  /** The extra columns asked for, keyed as asked ("street", "custom:3", ...). */
  extra?: Record<string, string | number | boolean | null>;
}

export interface MemberPage {
  total: number;
  offset: number;
  rows: MemberRow[];
}

/** Extra list columns; custom fields as "custom:<fieldId>". */
export const MEMBER_EXTRA_COLUMNS = [
  'street', 'birthDate', 'age', 'country', 'consentSms', 'consentEmail', 'consentPost',
  'householdId', 'statusSince', 'lastContactOn', 'journeyStage',
] as const;
export type MemberExtraColumn = (typeof MEMBER_EXTRA_COLUMNS)[number] | `custom:${number}`;

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim())
    .nullable()
    .optional();

/** What the member form sends. Format checks (identity number, phone, postcode) run in the core. */
export const memberInputSchema = z.object({
  firstName: z.string().max(100).transform((s) => s.trim()),
  lastName: z.string().max(100).transform((s) => s.trim()),
  birthDate: optionalText(10),
  identityNumber: optionalText(20),
  street: optionalText(200),
  postcode: optionalText(20),
  city: optionalText(100),
  country: z.string().length(2).default('SE'),
  email: optionalText(254),
  mobile: optionalText(30),
  consentSms: z.boolean().default(false),
  consentEmail: z.boolean().default(false),
  consentPost: z.boolean().default(true),
  membershipTypeId: z.number().int().positive().nullable().optional(),
  joinedOn: optionalText(10),
  status: z.enum(MEMBER_STATUSES).default('active'),
});
export type MemberInput = z.input<typeof memberInputSchema>;
export type MemberInputParsed = z.output<typeof memberInputSchema>;

export const memberListQuerySchema = z.object({
  search: z.string().max(200).default(''),
  sort: z.enum(MEMBER_SORT_COLUMNS).default('lastName'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  includeArchived: z.boolean().default(false),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
  /** Only members of this segment (saved or inline), combined with the search. */
  segment: segmentRefSchema.optional(),
  columns: z.array(z.union([z.enum(MEMBER_EXTRA_COLUMNS), z.string().regex(/^custom:\d{1,9}$/)])).max(30).default([]),
});
export type MemberListQuery = z.input<typeof memberListQuerySchema>;

const id = z.object({ id: idSchema });

export const LEAVE_REASONS = ['moved', 'resigned', 'deceased', 'other'] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];
export const STRIKE_OFF_REASONS = ['unpaid', 'board-decision', 'other'] as const;
export type StrikeOffReason = (typeof STRIKE_OFF_REASONS)[number];

export interface StatusEventEntity {
  id: number;
  memberId: number;
  status: MemberStatus;
  kind: 'joined' | 'rejoined' | 'left' | 'struck_off';
  on: string;
  reason: LeaveReason | StrikeOffReason | null;
  note: string | null;
}

export const statusChangeSchema = z.discriminatedUnion('to', [
  z.object({ memberId: idSchema, to: z.literal('left'), on: isoDateSchema, reason: z.enum(LEAVE_REASONS), note: z.string().max(1000).optional() }),
  z.object({ memberId: idSchema, to: z.literal('struck_off'), on: isoDateSchema, reason: z.enum(STRIKE_OFF_REASONS), note: z.string().max(1000).optional() }),
  z.object({ memberId: idSchema, to: z.literal('active'), on: isoDateSchema, note: z.string().max(1000).optional() }),
]);
export type StatusChange = z.input<typeof statusChangeSchema>;

/** Everything the member page shows, in one call. */
export interface MemberPageEntity {
  member: MemberEntity;
  typePeriods: TypePeriodEntity[];
  statusEvents: StatusEventEntity[];
  roles: RolePeriodEntity[];
  household: HouseholdEntity | null;
  customFields: CustomFieldEntity[];
  customValues: CustomValueEntity[];
  /** The latest 100; `contactLog.list` pages further. */
  contacts: ContactEntity[];
  /** The latest 100; `history.list` pages further. */
  history: HistoryEntity[];
  historyTotal: number;
  journey: JourneyExplanation;
}

export const membersContract = {
  'members.list': handler<MemberPage>()(memberListQuerySchema),
  'members.get': handler<MemberEntity>()(id),
  'members.create': handler<MemberEntity>()(memberInputSchema),
  'members.update': handler<MemberEntity>()(z.object({ id: z.number().int().positive(), input: memberInputSchema })),
  'members.archive': handler<MemberEntity>()(id),
  'members.unarchive': handler<MemberEntity>()(id),
  'members.types': handler<MembershipTypeEntity[]>()(z.object({})),
  'members.page': handler<MemberPageEntity>()(id),
  /**
   * The life cycle: active → left / struck_off (dated, with a reason) → active again (re-join),
   * history kept. Refused: `status-unchanged`, `date-before-last-event`, `date-in-future`,
   * `member-deceased` (re-join), `member-archived`. Leaving ends the member's open roles that day.
   */
  'members.changeStatus': handler<MemberEntity>()(statusChangeSchema),
} as const;

export { MEMBER_STATUSES, type MemberStatus, type MembershipTypeEntity } from './types';

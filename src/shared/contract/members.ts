import { z } from 'zod';
import { handler } from './define';

export const MEMBER_STATUSES = ['active', 'left', 'struck_off'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

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
}

export interface MemberPage {
  total: number;
  offset: number;
  rows: MemberRow[];
}

export interface MembershipTypeEntity {
  id: number;
  /** Built-in types have a code the UI translates; the association's own have only a name. */
  code: string | null;
  name: string;
  paysDues: boolean;
  mayVote: boolean;
}

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
});
export type MemberListQuery = z.input<typeof memberListQuerySchema>;

const id = z.object({ id: z.number().int().positive() });

export const membersContract = {
  'members.list': handler<MemberPage>()(memberListQuerySchema),
  'members.get': handler<MemberEntity>()(id),
  'members.create': handler<MemberEntity>()(memberInputSchema),
  'members.update': handler<MemberEntity>()(z.object({ id: z.number().int().positive(), input: memberInputSchema })),
  'members.archive': handler<MemberEntity>()(id),
  'members.unarchive': handler<MemberEntity>()(id),
  'members.types': handler<MembershipTypeEntity[]>()(z.object({})),
} as const;

import { z } from 'zod';
import { handler } from './define';
import { CONTACT_KINDS } from './contact-log';
import { ROLES, type Role } from './groups';
import { JOURNEY_STAGES, type JourneyStage } from './journey';
import { idArgs, idSchema, isoDateSchema, MEMBER_STATUSES, type MemberStatus } from './types';

/**
 * A segment: a tree of conditions over the register, combined with and/or (nested freely, up
 * to 6 levels, 200 nodes). An empty group matches everyone. Archived members are never matched
 * (the list's includeArchived adds them back). Dates default to today.
 */
export type SegmentCondition =
  | { kind: 'status'; values: MemberStatus[] }
  /** Current type, or the type held at `at` (from the type periods). */
  | { kind: 'type'; typeIds: number[]; at?: string }
  /** Holds one of `roles` (any role when absent) in `groupId` (any group when absent) at `at`. */
  | { kind: 'role'; groupId?: number; roles?: Role[]; at?: string }
  | { kind: 'household'; has: boolean }
  /** Age in whole years at `at`, both bounds inclusive. */
  | { kind: 'age'; min?: number; max?: number; at?: string }
  /** Postcode starts with (spaces ignored). */
  | { kind: 'postcode'; prefix: string }
  /** City is one of (case and accents as the list sorts them). */
  | { kind: 'city'; values: string[] }
  | { kind: 'consent'; channel: 'sms' | 'email' | 'post'; value: boolean }
  | { kind: 'has'; what: 'email' | 'mobile' | 'address'; value: boolean }
  | { kind: 'journey'; stages: JourneyStage[]; at?: string }
  | { kind: 'joined'; from?: string; to?: string }
  /** Any contact of these kinds (all when absent) between the dates. */
  | { kind: 'contact'; kinds?: (typeof CONTACT_KINDS)[number][]; from?: string; to?: string; none?: boolean }
  | { kind: 'custom'; fieldId: number; op: CustomOp; value?: string | number | boolean };

export const CUSTOM_OPS = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'contains', 'empty', 'notEmpty'] as const;
export type CustomOp = (typeof CUSTOM_OPS)[number];

export type SegmentGroup = { kind: 'and' | 'or'; negate?: boolean; children: SegmentNode[] };
export type SegmentNode = SegmentGroup | SegmentCondition;

const ids = z.array(idSchema).min(1).max(100);

const conditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), values: z.array(z.enum(MEMBER_STATUSES)).min(1).max(3) }),
  z.object({ kind: z.literal('type'), typeIds: ids, at: isoDateSchema.optional() }),
  z.object({ kind: z.literal('role'), groupId: idSchema.optional(), roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(), at: isoDateSchema.optional() }),
  z.object({ kind: z.literal('household'), has: z.boolean() }),
  z.object({ kind: z.literal('age'), min: z.number().int().min(0).max(150).optional(), max: z.number().int().min(0).max(150).optional(), at: isoDateSchema.optional() }),
  z.object({ kind: z.literal('postcode'), prefix: z.string().regex(/^[0-9A-Za-z ]{1,10}$/) }),
  z.object({ kind: z.literal('city'), values: z.array(z.string().trim().min(1).max(100)).min(1).max(50) }),
  z.object({ kind: z.literal('consent'), channel: z.enum(['sms', 'email', 'post']), value: z.boolean() }),
  z.object({ kind: z.literal('has'), what: z.enum(['email', 'mobile', 'address']), value: z.boolean() }),
  z.object({ kind: z.literal('journey'), stages: z.array(z.enum(JOURNEY_STAGES)).min(1).max(5), at: isoDateSchema.optional() }),
  z.object({ kind: z.literal('joined'), from: isoDateSchema.optional(), to: isoDateSchema.optional() }),
  z.object({ kind: z.literal('contact'), kinds: z.array(z.enum(CONTACT_KINDS)).min(1).max(5).optional(), from: isoDateSchema.optional(), to: isoDateSchema.optional(), none: z.boolean().optional() }),
  z.object({ kind: z.literal('custom'), fieldId: idSchema, op: z.enum(CUSTOM_OPS), value: z.union([z.string().max(2000), z.number().finite(), z.boolean()]).optional() }),
]);

export const segmentNodeSchema: z.ZodType<SegmentNode> = z.lazy(() =>
  z.union([
    z.object({ kind: z.enum(['and', 'or']), negate: z.boolean().optional(), children: z.array(segmentNodeSchema).max(50) }),
    conditionSchema,
  ]),
) as z.ZodType<SegmentNode>;

/** A saved segment by id, or a definition the filter builder has not saved. */
export const segmentRefSchema = z.union([z.object({ id: idSchema }), z.object({ definition: segmentNodeSchema })]);
export type SegmentRef = z.input<typeof segmentRefSchema>;

export interface SegmentEntity {
  id: number;
  name: string;
  definition: SegmentNode;
  createdAt: string;
  updatedAt: string;
}

/** `segment-matches-nobody` when the count is 0: shown, not refused (the register may change). */
export type SegmentWarning = 'segment-matches-nobody';

export const segmentsContract = {
  'segments.list': handler<SegmentEntity[]>()(z.object({})),
  'segments.get': handler<SegmentEntity>()(idArgs),
  /**
   * Creates (no id) or replaces a saved segment. Refused: `name-in-use` (conflict),
   * `segment-too-deep`, `segment-too-large`, `date-range-reversed`, `custom-field-not-found`,
   * `custom-value-*` (validation, details.fields[].field = the node's path, e.g. "definition.children.1").
   */
  'segments.save': handler<{ segment: SegmentEntity; count: number; warnings: SegmentWarning[] }>()(
    z.object({ id: idSchema.optional(), name: z.string().trim().min(1).max(100), definition: segmentNodeSchema }),
  ),
  'segments.delete': handler<{ deleted: true }>()(idArgs),
  'segments.count': handler<{ count: number; warnings: SegmentWarning[] }>()(z.object({ segment: segmentRefSchema })),
} as const;

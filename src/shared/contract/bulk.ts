import { z } from 'zod';
import { contactInputSchema } from './contact-log';
import { handler } from './define';
import { ROLES } from './groups';
import { segmentRefSchema } from './segments';
import { idSchema, isoDateSchema } from './types';

/** The members an action is for: a selection of ids, or a segment (saved or inline). */
export const bulkTargetSchema = z.union([
  z.object({ ids: z.array(idSchema).min(1).max(200_000) }),
  z.object({ segment: segmentRefSchema }),
]);
export type BulkTarget = z.input<typeof bulkTargetSchema>;

export const bulkActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('addToGroup'), groupId: idSchema, role: z.enum(ROLES), from: isoDateSchema }),
  z.object({ kind: z.literal('setType'), membershipTypeId: idSchema, from: isoDateSchema.optional() }),
  z.object({ kind: z.literal('addContact'), contact: contactInputSchema }),
  z.object({ kind: z.literal('archive') }),
]);
export type BulkAction = z.input<typeof bulkActionSchema>;
export type BulkActionKind = BulkAction['kind'];

/** i18n keys under "bulk.unchanged.". */
export type BulkUnchangedReason =
  | 'already-holds-role'
  | 'member-not-active-at-date'
  | 'already-has-type'
  | 'date-before-current-period'
  | 'already-archived'
  | 'member-archived';

export interface BulkMemberRef {
  memberId: number;
  memberNumber: number;
  firstName: string;
  lastName: string;
}
/** How one member changes: `field` from `from` to `to` (role: "chair @ group 3"). */
export interface BulkChangeRow extends BulkMemberRef {
  field: 'role' | 'membershipTypeId' | 'contact' | 'archivedAt';
  from: string | null;
  to: string | null;
}
export interface BulkUnchangedRow extends BulkMemberRef {
  reason: BulkUnchangedReason;
}

export interface BulkPreview {
  total: number;
  changeCount: number;
  unchangedCount: number;
  /** The first `limit` of each list. */
  changes: BulkChangeRow[];
  unchanged: BulkUnchangedRow[];
}

export interface BulkOperationEntity {
  id: number;
  kind: BulkActionKind;
  changed: number;
  createdAt: string;
  undoneAt: string | null;
  /** Only the latest operation not undone can be undone. */
  undoable: boolean;
}

const bulkArgs = z.object({ target: bulkTargetSchema, action: bulkActionSchema });

export const bulkContract = {
  /** Refused: `segment-matches-nobody`, `group-archived`, `type-archived`, unknown group/type (not-found). */
  'bulk.preview': handler<BulkPreview>()(bulkArgs.extend({ limit: z.number().int().min(0).max(10_000).default(200) })),
  /** Applies what preview shows, all or nothing; `nothing-to-change` when no member changes. */
  'bulk.apply': handler<BulkOperationEntity>()(bulkArgs),
  /** Refused (conflict): `bulk-undo-not-latest`, `bulk-already-undone`, `bulk-changed-since`. */
  'bulk.undo': handler<BulkOperationEntity>()(z.object({ operationId: idSchema })),
  'bulk.operations': handler<BulkOperationEntity[]>()(z.object({ limit: z.number().int().min(1).max(200).default(20) })),
} as const;

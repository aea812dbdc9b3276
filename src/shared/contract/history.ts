import { z } from 'zod';
import { handler } from './define';
import { idSchema } from './types';

export const HISTORY_SOURCES = ['edit', 'bulk', 'merge', 'status', 'undo', 'dues', 'import', 'survey-phone', 'survey-paper', 'survey-form'] as const;
export type HistorySource = (typeof HISTORY_SOURCES)[number];

/**
 * One changed field. `field` is a member field name ("email", "membershipTypeId", "status",
 * "archivedAt", "householdId", "mergedInto", "mergedFrom"), or `custom:<fieldId>` for a custom field;
 * "created" (source 'import') is a member an import added, its new value the file's name.
 * Values are text as stored (booleans "1"/"0"); identity numbers masked.
 */
export interface HistoryEntity {
  id: number;
  memberId: number;
  at: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  source: HistorySource;
}

export const historyContract = {
  /** Newest first. */
  'history.list': handler<{ total: number; rows: HistoryEntity[] }>()(
    z.object({ memberId: idSchema, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }),
  ),
} as const;

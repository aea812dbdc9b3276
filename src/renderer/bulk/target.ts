import type { BulkTarget, MemberListQuery, SegmentNode } from '../../shared/contract';
import { call } from '../api';
import { emptyGroup } from '../segments/model';

/** Rows ticked one by one, or "all matching" minus the ones unticked since. */
export interface Selection {
  all: boolean;
  ids: Set<number>;
  except: Set<number>;
}
export const noSelection = (): Selection => ({ all: false, ids: new Set(), except: new Set() });

export const selectedCount = (s: Selection, total: number) => (s.all ? Math.max(0, total - s.except.size) : s.ids.size);

/**
 * What a bulk action is for. "All matching" with no search and nothing unticked is the segment
 * itself (the core resolves it, however large); otherwise the list is walked for the ids, since
 * a search narrows it in ways a segment cannot say.
 */
export async function resolveTarget(s: Selection, query: MemberListQuery, segment: SegmentNode | null): Promise<BulkTarget> {
  if (!s.all) return { ids: [...s.ids] };
  if (!query.search && !s.except.size && !query.includeArchived) return { segment: { definition: segment ?? emptyGroup() } };
  const ids: number[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await call('members.list', { ...query, columns: [], offset, limit: 1000 });
    for (const r of page.rows) if (!s.except.has(r.id)) ids.push(r.id);
    if (page.rows.length < 1000) break;
  }
  return { ids };
}

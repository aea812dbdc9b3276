import { useCallback, useEffect, useRef, useState } from 'react';
import type { MemberListQuery, MemberRow, MemberSortColumn } from '../../shared/contract';
import { call } from '../api';

export const PAGE_SIZE = 100;

export interface MemberQuery {
  search: string;
  sort: MemberSortColumn;
  direction: 'asc' | 'desc';
  includeArchived: boolean;
  /** A saved segment or a definition being built in the filter panel. */
  segment?: MemberListQuery['segment'];
  /** Extra columns the user switched on (custom fields among them). */
  columns?: MemberListQuery['columns'];
}

/**
 * The member list as windows of rows fetched on demand: the table only ever asks for the pages
 * that are (nearly) visible, so 100,000 members cost no more than 100. A newer query makes the
 * answers of older ones irrelevant.
 */
export function useMemberPages(query: MemberQuery, refreshKey: number) {
  const [total, setTotal] = useState<number | null>(null);
  const [, setTick] = useState(0);
  const pages = useRef(new Map<number, MemberRow[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);

  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page) || loading.current.has(page)) return;
      const gen = generation.current;
      loading.current.add(page);
      call('members.list', { ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        .then((result) => {
          if (gen !== generation.current) return;
          pages.current.set(page, result.rows);
          setTotal(result.total);
          setTick((n) => n + 1);
        })
        .catch(() => undefined)
        .finally(() => {
          if (gen === generation.current) loading.current.delete(page);
        });
    },
    [query],
  );

  useEffect(() => {
    generation.current++;
    pages.current = new Map();
    loading.current = new Set();
    load(0);
  }, [load, refreshKey]);

  const rowAt = (index: number): MemberRow | undefined => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

  const ensure = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) load(p);
    },
    [load],
  );

  return { total, rowAt, ensure };
}

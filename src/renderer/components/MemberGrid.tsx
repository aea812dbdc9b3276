import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRow, MembershipTypeEntity, MemberSortColumn, RegisterInfo } from '../../shared/contract';
import { formatPhone } from '../../shared/nordic/phone';
import { formatPostcode } from '../../shared/nordic/postcode';
import { localeOf } from '../i18n';
import type { useMemberPages } from '../hooks/useMemberPages';

const ROW_HEIGHT = 36;

type ColumnId = MemberSortColumn | 'identity';
const COLUMNS: { id: ColumnId; width: string; sortable: boolean }[] = [
  { id: 'memberNumber', width: '70px', sortable: true },
  { id: 'lastName', width: 'minmax(120px, 1.2fr)', sortable: true },
  { id: 'firstName', width: 'minmax(100px, 1fr)', sortable: true },
  { id: 'identity', width: '150px', sortable: false },
  { id: 'email', width: 'minmax(140px, 1.4fr)', sortable: true },
  { id: 'mobile', width: '160px', sortable: true },
  { id: 'postcode', width: '90px', sortable: true },
  { id: 'city', width: 'minmax(90px, 1fr)', sortable: true },
  { id: 'membershipType', width: '110px', sortable: true },
  { id: 'status', width: '100px', sortable: true },
  { id: 'joinedOn', width: '110px', sortable: true },
];
const TEMPLATE = COLUMNS.map((c) => c.width).join(' ');

/**
 * The member table, virtualised: only the rows on screen exist in the DOM, and their data is
 * fetched a page at a time as the user scrolls.
 */
export function MemberGrid(props: {
  info: RegisterInfo;
  types: MembershipTypeEntity[];
  pages: ReturnType<typeof useMemberPages>;
  sort: { column: MemberSortColumn; direction: 'asc' | 'desc' };
  onSort: (c: MemberSortColumn) => void;
  onOpen: (id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = props.pages.total ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser re-renders through its own store
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensure } = props.pages;
  useEffect(() => ensure(first, last), [ensure, first, last]);

  const dateFormat = new Intl.DateTimeFormat(localeOf(i18n.language), { dateStyle: 'short' });
  const typeName = (id: number | null) => {
    const type = props.types.find((x) => x.id === id);
    return type ? (type.code ? t(`members.types.${type.code}`, { defaultValue: type.name }) : type.name) : '';
  };
  const cell = (r: MemberRow, c: ColumnId): string => {
    switch (c) {
      case 'memberNumber': return String(r.memberNumber);
      case 'lastName': return r.lastName;
      case 'firstName': return r.firstName;
      case 'identity': return r.identityMasked ?? '';
      case 'email': return r.email ?? '';
      case 'mobile': return r.mobile ? formatPhone(r.mobile, props.info.country) : '';
      case 'postcode': return r.postcode ? formatPostcode(r.postcode, props.info.country) : '';
      case 'city': return r.city ?? '';
      case 'membershipType': return typeName(r.membershipTypeId);
      case 'status': return t(`members.status.${r.status}`);
      case 'joinedOn': return r.joinedOn ? dateFormat.format(new Date(`${r.joinedOn}T12:00:00`)) : '';
    }
  };

  return (
    <div role="grid" aria-rowcount={total + 1} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <div role="row" className="member-grid-head" style={{ gridTemplateColumns: TEMPLATE }}>
        {COLUMNS.map((c) => {
          const active = props.sort.column === c.id;
          return (
            <div
              role="columnheader"
              key={c.id}
              aria-sort={active ? (props.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              className="member-grid-cell"
              style={{ padding: 0 }}
            >
              {c.sortable ? (
                <button type="button" onClick={() => props.onSort(c.id as MemberSortColumn)} data-testid={`sort-${c.id}`}>
                  {t(`members.columns.${c.id}`)}
                  {active && <span aria-hidden>{props.sort.direction === 'asc' ? '▲' : '▼'}</span>}
                </button>
              ) : (
                <span style={{ padding: 8, display: 'block' }}>{t(`members.columns.${c.id}`)}</span>
              )}
            </div>
          );
        })}
      </div>
      <div ref={scrollRef} style={{ flex: 1, overflow: 'auto' }} data-testid="member-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const r = props.pages.rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                tabIndex={r ? 0 : -1}
                className={`member-grid-row${r?.archived ? ' archived' : ''}`}
                data-testid="member-row"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)`, gridTemplateColumns: TEMPLATE }}
                onClick={() => r && props.onOpen(r.id)}
                onKeyDown={(e) => {
                  if (r && (e.key === 'Enter' || e.key === ' ')) {
                    e.preventDefault();
                    props.onOpen(r.id);
                  }
                }}
              >
                {COLUMNS.map((c) => (
                  <div role="gridcell" key={c.id} className="member-grid-cell">
                    {r ? cell(r, c.id) : c.id === 'lastName' ? '…' : ''}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

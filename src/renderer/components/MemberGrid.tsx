import { Checkbox } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldEntity, MemberRow, MembershipTypeEntity, MemberSortColumn, RegisterInfo } from '../../shared/contract';
import { formatPhone } from '../../shared/nordic/phone';
import { formatPostcode } from '../../shared/nordic/postcode';
import { localeOf } from '../i18n';
import type { useMemberPages } from '../hooks/useMemberPages';
import { isBase, type BaseColumn, type ColumnId } from '../segments/columns';

const ROW_HEIGHT = 36;

const WIDTHS: Record<BaseColumn, string> = {
  memberNumber: '64px',
  lastName: 'minmax(120px, 1.2fr)',
  firstName: 'minmax(100px, 1fr)',
  identity: '128px',
  email: 'minmax(140px, 1.4fr)',
  mobile: '140px',
  postcode: '80px',
  city: 'minmax(90px, 1fr)',
  // Room for "Støttemedlem" / "Supporting" without an ellipsis.
  membershipType: '130px',
  status: '95px',
  joinedOn: '100px',
};
const SORTABLE = (c: ColumnId): c is MemberSortColumn => isBase(c) && c !== 'identity';
const DATE_COLUMNS = new Set<string>(['birthDate', 'statusSince', 'lastContactOn']);

/** Which rows are ticked; the list owner keeps it, since it outlives the visible rows. */
export interface GridSelection {
  isSelected: (id: number) => boolean;
  onToggle: (id: number, on: boolean) => void;
  /** The header box: none, some or all of the matching members ticked. */
  header: 'none' | 'some' | 'all';
  onToggleAll: (on: boolean) => void;
}

/**
 * The member table, virtualised: only the rows on screen exist in the DOM, and their data is
 * fetched a page at a time as the user scrolls.
 */
export function MemberGrid(props: {
  info: RegisterInfo;
  types: MembershipTypeEntity[];
  fields: CustomFieldEntity[];
  columns: ColumnId[];
  pages: ReturnType<typeof useMemberPages>;
  sort: { column: MemberSortColumn; direction: 'asc' | 'desc' };
  onSort: (c: MemberSortColumn) => void;
  onOpen: (id: number) => void;
  selection: GridSelection;
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

  const template = ['44px', ...props.columns.map((c) => (isBase(c) ? WIDTHS[c] : '130px'))].join(' ');
  const dateFormat = new Intl.DateTimeFormat(localeOf(i18n.language), { dateStyle: 'short' });
  const date = (iso: string) => dateFormat.format(new Date(`${iso.slice(0, 10)}T12:00:00`));
  const typeName = (id: number | null) => {
    const type = props.types.find((x) => x.id === id);
    return type ? (type.code ? t(`members.types.${type.code}`, { defaultValue: type.name }) : type.name) : '';
  };
  const heading = (c: ColumnId) =>
    isBase(c) ? t(`members.columns.${c}`) : c.startsWith('custom:') ? (props.fields.find((f) => `custom:${f.id}` === c)?.name ?? c) : t(`segments.columns.${c}`);
  const extraCell = (r: MemberRow, c: string): string => {
    const v = r.extra?.[c];
    if (v === null || v === undefined || v === '') return '';
    if (typeof v === 'boolean') return v ? t('segments.yes') : t('segments.no');
    if (c === 'journeyStage') return t(`journey.${v}`, { defaultValue: String(v) });
    if (typeof v === 'string' && (DATE_COLUMNS.has(c) || (c.startsWith('custom:') && props.fields.find((f) => `custom:${f.id}` === c)?.kind === 'date'))) return date(v);
    if (typeof v === 'number') return v.toLocaleString(localeOf(i18n.language));
    return String(v);
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
      case 'joinedOn': return r.joinedOn ? date(r.joinedOn) : '';
      default: return extraCell(r, c);
    }
  };
  const sel = props.selection;

  return (
    <div role="grid" aria-rowcount={total + 1} aria-multiselectable style={{ flex: 1, minHeight: 280, display: 'flex', flexDirection: 'column' }}>
      <div role="row" className="member-grid-head" style={{ gridTemplateColumns: template }}>
        <div role="columnheader" className="member-grid-cell" style={{ display: 'flex', alignItems: 'center' }}>
          <Checkbox
            aria-label={t('segments.select.allMatching', { count: total })}
            title={t('segments.select.allMatching', { count: total })}
            checked={sel.header === 'all'}
            indeterminate={sel.header === 'some'}
            onChange={(e) => sel.onToggleAll(e.currentTarget.checked)}
            data-testid="select-all"
          />
        </div>
        {props.columns.map((c) => {
          const active = props.sort.column === c;
          return (
            <div
              role="columnheader"
              key={c}
              aria-sort={active ? (props.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              className="member-grid-cell"
              style={{ padding: 0 }}
              data-testid={`column-head-${c}`}
            >
              {SORTABLE(c) ? (
                <button type="button" onClick={() => props.onSort(c)} data-testid={`sort-${c}`}>
                  {heading(c)}
                  {active && <span aria-hidden>{props.sort.direction === 'asc' ? '▲' : '▼'}</span>}
                </button>
              ) : (
                <span style={{ padding: 8, display: 'block', overflow: 'hidden', textOverflow: 'ellipsis' }} title={heading(c)}>{heading(c)}</span>
              )}
            </div>
          );
        })}
      </div>
      <div ref={scrollRef} style={{ flex: 1, overflow: 'auto' }} data-testid="member-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const r = props.pages.rowAt(item.index);
            const selected = r ? sel.isSelected(r.id) : false;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                tabIndex={r ? 0 : -1}
                className={`member-grid-row${r?.archived ? ' archived' : ''}`}
                data-testid="member-row"
                style={{
                  position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)`,
                  gridTemplateColumns: template, background: selected ? 'var(--mantine-color-teal-0)' : undefined,
                }}
                onClick={() => r && props.onOpen(r.id)}
                onKeyDown={(e) => {
                  if (r && (e.key === 'Enter' || e.key === ' ')) {
                    e.preventDefault();
                    props.onOpen(r.id);
                  }
                }}
              >
                {/* Ticking a row must not open the member as clicking the row does. */}
                <div role="gridcell" className="member-grid-cell" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
                  {r && (
                    <Checkbox
                      aria-label={t('segments.select.row', { name: `${r.firstName} ${r.lastName}` })}
                      checked={selected}
                      onChange={(e) => sel.onToggle(r.id, e.currentTarget.checked)}
                      data-testid="member-select"
                    />
                  )}
                </div>
                {props.columns.map((c) => (
                  <div role="gridcell" key={c} className="member-grid-cell">
                    {r ? cell(r, c) : c === 'lastName' ? '…' : ''}
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

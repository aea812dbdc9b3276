import type { ExportColumn } from '../../shared/contract/exports';
import type { SegmentRef } from '../../shared/contract';
import { formatPhone } from '../../shared/nordic/phone';
import { formatPostcode } from '../../shared/nordic/postcode';
import { raw, sql, type SqlQuery } from '../db/sql';
import { extraColumns } from '../members/columns';
import { isoDate, type RegisterContext } from '../register/context';
import { mustGetSegment, segmentPredicate } from '../segments/queries';
import type { ExportTexts } from './texts';

/** One member as the exports use it (display forms applied by `cellOf`). */
export interface ExportMember {
  id: number;
  memberNumber: number;
  firstName: string;
  lastName: string;
  email: string | null;
  mobile: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  membershipType: string | null;
  status: string;
  joinedOn: string | null;
  householdId: number | null;
  extra?: Record<string, string | number | boolean | null>;
}

/** The segment as the log records it: an unsaved filter as id null and name '' (everyone: both null). */
export interface SegmentLabel {
  id: number | null;
  name: string | null;
}

export function segmentLabel(ctx: RegisterContext, ref: SegmentRef | undefined): SegmentLabel {
  if (!ref) return { id: null, name: null };
  if ('id' in ref) return { id: ref.id, name: mustGetSegment(ctx.db, ref.id).name };
  return { id: null, name: '' };
}

export type MemberOrder = 'name' | 'postcode';

const ORDER: Record<MemberOrder, string> = {
  name: 'm.sort_last, m.sort_first, m.id',
  postcode: "replace(coalesce(m.postcode, ''), ' ', ''), m.sort_last, m.sort_first, m.id",
};

/**
 * The members of the segment (the same predicate the member list uses) or everyone, never the
 * archived, ordered; `where` narrows further (the roll's "entitled to vote on").
 */
export function loadMembers(
  ctx: RegisterContext,
  ref: SegmentRef | undefined,
  options: { order?: MemberOrder; where?: SqlQuery; columns?: readonly string[] } = {},
): ExportMember[] {
  const predicate = ref ? segmentPredicate(ctx, ref) : sql`1`;
  const where = options.where ?? sql`1`;
  // One JSON array per row through column(): sql.js builds an object per row in all(), which is
  // most of the time of a 100,000-row export; one string per row and JSON.parse is ~3× faster.
  const rows = ctx.db
    .column<string>(
      sql`SELECT json_array(m.id, m.member_number, m.first_name, m.last_name, m.email, m.mobile, m.street, m.postcode,
                            m.city, m.country, t.name, m.status, m.joined_on, m.household_id)
          FROM members m LEFT JOIN membership_types t ON t.id = m.membership_type_id
          WHERE +m.archived_at IS NULL AND ${predicate} AND ${where}
          ORDER BY ${raw(ORDER[options.order ?? 'name'])}`,
    )
    .map((json): ExportMember => {
      const r = JSON.parse(json) as [number, number, string, string, string | null, string | null, string | null, string | null, string | null, string, string | null, string, string | null, number | null];
      return {
        id: r[0], memberNumber: r[1], firstName: r[2], lastName: r[3], email: r[4], mobile: r[5], street: r[6], postcode: r[7],
        city: r[8], country: r[9], membershipType: r[10], status: r[11], joinedOn: r[12], householdId: r[13],
      };
    });
  const extra = (options.columns ?? []).filter((c) => !(c in BASE_CELL));
  if (extra.length && rows.length) {
    const cells = extraColumns(ctx.db, rows.map((r) => r.id), extra, isoDate(ctx.now()));
    for (const r of rows) r.extra = cells.get(r.id);
  }
  return rows;
}

/** Names of custom fields, for column headings. */
export function customFieldNames(ctx: RegisterContext): Map<number, string> {
  return new Map(ctx.db.all<{ id: number; name: string }>(sql`SELECT id, name FROM custom_fields`).map((r) => [r.id, r.name]));
}

export interface CellContext {
  texts: ExportTexts;
  registerCountry: string;
}

const BASE_CELL: Record<string, (m: ExportMember, c: CellContext) => string> = {
  memberNumber: (m) => String(m.memberNumber),
  firstName: (m) => m.firstName,
  lastName: (m) => m.lastName,
  email: (m) => m.email ?? '',
  // International form: a list may be read abroad or fed to an SMS service; "+46 70 123 45 67".
  mobile: (m) => (m.mobile ? internationalPhone(m.mobile) : ''),
  street: (m) => m.street ?? '',
  postcode: (m) => (m.postcode ? formatPostcode(m.postcode, m.country) : ''),
  city: (m) => m.city ?? '',
  country: (m) => m.country,
  membershipType: (m) => m.membershipType ?? '',
  status: (m, c) => c.texts.status[m.status] ?? m.status,
  joinedOn: (m) => m.joinedOn ?? '',
};

/**
 * formatPhone(e164, '') (libphonenumber's international form), memoised by layout: numbers with
 * the same country code, first five digits and length are grouped alike ("+46 70 123 45 67"), so
 * the grouping found for one is applied to the next without parsing it — libphonenumber costs
 * ~15 µs a number, most of a 100,000-row export. Anything unusual takes the full path.
 */
const layouts = new Map<string, number[] | null>();
export function internationalPhone(e164: string): string {
  if (!/^\+\d{7,15}$/.test(e164)) return formatPhone(e164, '');
  const key = `${e164.slice(0, 8)}:${e164.length}`;
  let gaps = layouts.get(key);
  if (gaps === undefined) {
    const formatted = formatPhone(e164, '');
    gaps = formatted.replace(/ /g, '') === e164 ? [...formatted].flatMap((ch, i) => (ch === ' ' ? [i] : [])) : null;
    if (layouts.size < 5000) layouts.set(key, gaps);
    return formatted;
  }
  if (!gaps) return formatPhone(e164, '');
  let out = '';
  let from = 0;
  for (let k = 0; k < gaps.length; k++) {
    const at = gaps[k] - k;
    out += e164.slice(from, at) + ' ';
    from = at;
  }
  return out + e164.slice(from);
}

/** One cell as text (dates ISO, booleans yes/no, numbers plain), for CSV, xlsx and PDF alike. */
export function cellOf(m: ExportMember, column: ExportColumn | string, c: CellContext): string {
  const base = BASE_CELL[column];
  if (base) return base(m, c);
  const v = m.extra?.[column];
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? c.texts.yes : c.texts.no;
  if (column === 'journeyStage') return c.texts.stage[String(v)] ?? String(v);
  return String(v);
}

export function headingOf(column: ExportColumn | string, c: CellContext, fields: Map<number, string>): string {
  if (column.startsWith('custom:')) return fields.get(Number(column.slice(7))) ?? column;
  return c.texts.columns[column] ?? column;
}

export const PHONE_COLUMNS = new Set(['mobile']);

import type { SegmentCondition, SegmentNode } from '../../shared/contract';
import { join, raw, sql, type SqlQuery } from '../db/sql';
import { checkCustomValue, type FieldDef } from '../custom-fields/rules';
import { journeyStageSql } from '../journey/rules';
import { bornOnOrBefore } from '../periods/rules';

export interface CompileContext {
  today: string;
  /** The list's sort key of a city without its tie-break suffix (sort_city's primary part). */
  cityKey(city: string): string;
  fields: Map<number, FieldDef>;
}

const TRUE = sql`1`;
const FALSE = sql`0`;

/** Column names chosen from fixed maps; never from the definition's text. */
const CONSENT = { sms: 'm.consent_sms', email: 'm.consent_email', post: 'm.consent_post' } as const;
// Unary plus ("+m.email") keeps SQLite off an index whose condition matches most members: a
// scan, or the candidates named by a sub-select, is then cheaper than two seeks per member.
const HAS = {
  email: '+m.email IS NOT NULL',
  mobile: '+m.mobile IS NOT NULL',
  address: 'm.street IS NOT NULL AND m.postcode IS NOT NULL',
} as const;
const CMP = { eq: '=', neq: '!=', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

const list = (values: (string | number)[]) => join(values.map((v) => sql`${v}`), ', ');
/** LIKE with the user's text as a bound value, its wildcards escaped. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/**
 * A segment as one SQL predicate over `members m`. Every value from the definition is a bound
 * parameter; only fixed fragments chosen by the node's kind enter the text. Sub-selects are
 * `m.id IN (…)`, which SQLite evaluates once per query, not once per member.
 * The definition must have passed checkSegment.
 */
export function compileSegment(node: SegmentNode, cx: CompileContext): SqlQuery {
  if (node.kind === 'and' || node.kind === 'or') {
    const parts = node.children.map((c) => compileSegment(c, cx));
    const body = parts.length ? sql`(${join(parts, node.kind === 'and' ? ' AND ' : ' OR ')})` : TRUE;
    return node.negate ? sql`NOT ${body}` : body;
  }
  return condition(node as SegmentCondition, cx);
}

function condition(c: SegmentCondition, cx: CompileContext): SqlQuery {
  const at = ('at' in c && c.at) || cx.today;
  switch (c.kind) {
    case 'status':
      return sql`m.status IN (${list(c.values)})`;
    case 'type':
      return c.at
        ? sql`m.id IN (SELECT member_id FROM member_type_periods WHERE membership_type_id IN (${list(c.typeIds)})
                       AND from_on <= ${at} AND (to_on IS NULL OR to_on >= ${at}))`
        : sql`+m.membership_type_id IN (${list(c.typeIds)})`;
    case 'role': {
      const group = c.groupId !== undefined ? sql` AND group_id = ${c.groupId}` : sql``;
      const roles = c.roles ? sql` AND role IN (${list(c.roles)})` : sql``;
      return sql`m.id IN (SELECT member_id FROM group_roles WHERE from_on <= ${at} AND (to_on IS NULL OR to_on >= ${at})${group}${roles})`;
    }
    case 'household':
      return c.has ? sql`m.household_id IS NOT NULL` : sql`m.household_id IS NULL`;
    case 'age': {
      // Age ≥ min ⇔ born on or before at − min years; age ≤ max ⇔ born after at − (max + 1) years.
      const parts = [sql`m.birth_date IS NOT NULL`];
      if (c.min !== undefined) parts.push(sql`m.birth_date <= ${bornOnOrBefore(at, c.min)}`);
      if (c.max !== undefined) parts.push(sql`m.birth_date > ${bornOnOrBefore(at, c.max + 1)}`);
      return sql`(${join(parts, ' AND ')})`;
    }
    case 'postcode':
      return sql`replace(m.postcode, ' ', '') LIKE ${likeEscape(c.prefix.replace(/\s+/g, '').toUpperCase()) + '%'} ESCAPE '\\'`;
    case 'city': {
      // sort_city = primary + "\u0001" + original: one primary is the range [p\u0001, p\u0002).
      const ranges = c.values.map((v) => {
        const p = cx.cityKey(v);
        return sql`(m.sort_city >= ${p + '\u0001'} AND m.sort_city < ${p + '\u0002'})`;
      });
      return sql`(${join(ranges, ' OR ')})`;
    }
    case 'consent':
      return sql`${raw(CONSENT[c.channel])} = ${c.value ? 1 : 0}`;
    case 'has':
      return c.value ? sql`(${raw(HAS[c.what])})` : sql`NOT (${raw(HAS[c.what])})`;
    case 'journey':
      return sql`${journeyStageSql(at)} IN (${list(c.stages)})`;
    case 'joined': {
      const parts = [sql`m.joined_on IS NOT NULL`];
      if (c.from) parts.push(sql`m.joined_on >= ${c.from}`);
      if (c.to) parts.push(sql`m.joined_on <= ${c.to}`);
      return sql`(${join(parts, ' AND ')})`;
    }
    case 'contact': {
      const parts = [sql`1`];
      if (c.kinds) parts.push(sql`kind IN (${list(c.kinds)})`);
      if (c.from) parts.push(sql`on_date >= ${c.from}`);
      if (c.to) parts.push(sql`on_date <= ${c.to}`);
      const sub = sql`m.id IN (SELECT member_id FROM contact_log WHERE ${join(parts, ' AND ')})`;
      return c.none ? sql`NOT ${sub}` : sub;
    }
    case 'custom':
      return custom(c, cx);
  }
}

function custom(c: Extract<SegmentCondition, { kind: 'custom' }>, cx: CompileContext): SqlQuery {
  const f = cx.fields.get(c.fieldId);
  if (!f) return FALSE;
  const has = (cond: SqlQuery) => sql`m.id IN (SELECT member_id FROM custom_values WHERE field_id = ${f.id} AND ${cond})`;
  switch (c.op) {
    case 'empty':
      return sql`NOT ${has(TRUE)}`;
    case 'notEmpty':
      return has(TRUE);
    case 'contains':
      // instr on the raw text: case-sensitive beyond ASCII, like the user typed it.
      return has(sql`instr(lower(value), lower(${String(c.value)})) > 0`);
    default: {
      const r = checkCustomValue(f, c.value!);
      if (!r.ok) return FALSE;
      // "not equal" includes members without a value: they are not that value.
      if (c.op === 'neq') return sql`NOT ${has(sql`value = ${r.stored}`)}`;
      return has(sql`value ${raw(CMP[c.op])} ${r.stored}`);
    }
  }
}

import type { MemberEntity, MemberRow, MemberSortColumn, MembershipTypeEntity, RegisterCountry } from '../../shared/contract';
import { maskIdentityNumber } from '../../shared/nordic/identity';
import type { Db } from '../db/database';
import { join, raw, sql, type SqlQuery } from '../db/sql';

/** Table columns a list can be sorted by; the SQL comes from this fixed map, never from input. */
const ORDER: Record<MemberSortColumn, string[]> = {
  memberNumber: ['m.member_number'],
  lastName: ['m.sort_last', 'm.sort_first'],
  firstName: ['m.sort_first', 'm.sort_last'],
  email: ['m.email IS NULL', 'm.email'],
  mobile: ['m.mobile IS NULL', 'm.mobile'],
  postcode: ['m.postcode IS NULL', 'm.postcode'],
  city: ["m.sort_city = ''", 'm.sort_city'],
  membershipType: ['m.membership_type_id IS NULL', 'm.membership_type_id'],
  status: ['m.status'],
  joinedOn: ['m.joined_on IS NULL', 'm.joined_on'],
};

export interface ListFilter {
  tokens: string[];
  includeArchived: boolean;
  sort: MemberSortColumn;
  direction: 'asc' | 'desc';
}

/** Ids of every member the list shows, in display order. */
export function listIds(db: Db, f: ListFilter): number[] {
  const where: SqlQuery[] = [];
  if (!f.includeArchived) where.push(sql`m.archived_at IS NULL`);
  for (const t of f.tokens) where.push(sql`instr(m.search_text, ${t}) > 0`);
  const dir = f.direction === 'desc' ? ' DESC' : '';
  // "IS NULL" keys keep empty values last in both directions.
  const order = ORDER[f.sort].map((c) => (c.endsWith('IS NULL') || c.endsWith("= ''") ? c : c + dir));
  order.push('m.id' + dir);
  const whereSql = where.length ? join([sql`WHERE `, join(where, ' AND ')], '') : sql``;
  return db.column(sql`SELECT m.id FROM members m ${whereSql} ORDER BY ${raw(order.join(', '))}`);
}

interface DbMember {
  id: number;
  member_number: number;
  first_name: string;
  last_name: string;
  birth_date: string | null;
  identity_number: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  email: string | null;
  mobile: string | null;
  consent_sms: number;
  consent_email: number;
  consent_post: number;
  membership_type_id: number | null;
  joined_on: string | null;
  status: MemberEntity['status'];
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

const ROW_COLUMNS = raw(
  'id, member_number, first_name, last_name, identity_number, email, mobile, postcode, city, country, membership_type_id, status, joined_on, archived_at',
);

/** The rows for a window of ids, in the order of the ids. */
export function rowsByIds(db: Db, ids: number[], registerCountry: RegisterCountry): MemberRow[] {
  if (!ids.length) return [];
  const placeholders = raw(ids.map(() => '?').join(','));
  const found = db.all<DbMember>({
    text: sql`SELECT ${ROW_COLUMNS} FROM members WHERE id IN (${placeholders})`.text,
    params: ids,
  });
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const idCountry = r.country === 'NO' || r.country === 'SE' ? r.country : registerCountry;
    return [
      {
        id: r.id,
        memberNumber: r.member_number,
        firstName: r.first_name,
        lastName: r.last_name,
        identityMasked: r.identity_number ? maskIdentityNumber(r.identity_number, idCountry) : null,
        email: r.email,
        mobile: r.mobile,
        postcode: r.postcode,
        city: r.city,
        membershipTypeId: r.membership_type_id,
        status: r.status,
        joinedOn: r.joined_on,
        archived: r.archived_at !== null,
      },
    ];
  });
}

export function getMember(db: Db, id: number): MemberEntity | undefined {
  const r = db.get<DbMember>(sql`SELECT * FROM members WHERE id = ${id}`);
  return r && toEntity(r);
}

function toEntity(r: DbMember): MemberEntity {
  return {
    id: r.id,
    memberNumber: r.member_number,
    firstName: r.first_name,
    lastName: r.last_name,
    birthDate: r.birth_date,
    identityNumber: r.identity_number,
    street: r.street,
    postcode: r.postcode,
    city: r.city,
    country: r.country,
    email: r.email,
    mobile: r.mobile,
    consentSms: r.consent_sms === 1,
    consentEmail: r.consent_email === 1,
    consentPost: r.consent_post === 1,
    membershipTypeId: r.membership_type_id,
    joinedOn: r.joined_on,
    status: r.status,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listMembershipTypes(db: Db): MembershipTypeEntity[] {
  return db
    .all<{ id: number; code: string | null; name: string; pays_dues: number; may_vote: number }>(
      sql`SELECT id, code, name, pays_dues, may_vote FROM membership_types ORDER BY position, id`,
    )
    .map((t) => ({ id: t.id, code: t.code, name: t.name, paysDues: t.pays_dues === 1, mayVote: t.may_vote === 1 }));
}

import type { MemberEntity, MemberRow, MembershipTypeEntity, RegisterCountry } from '../../shared/contract';
import { maskIdentityNumber } from '../../shared/nordic/identity';
import { KansliError } from '../../shared/result';
import type { Db } from '../db/database';
import { raw, sql } from '../db/sql';

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
  status_since: string | null;
  household_id: number | null;
  merged_into: number | null;
  last_contact_on: string | null;
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

export function mustGetMember(db: Db, id: number): MemberEntity {
  const m = getMember(db, id);
  if (!m) throw new KansliError('not-found', `No member with id ${id}`, { fields: [{ field: 'memberId', code: 'member-not-found' }] });
  return m;
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
    statusSince: r.status_since,
    householdId: r.household_id,
    mergedInto: r.merged_into,
    lastContactOn: r.last_contact_on,
  };
}

export function listMembershipTypes(db: Db, includeArchived = true): MembershipTypeEntity[] {
  return db
    .all<{ id: number; code: string | null; name: string; pays_dues: number; may_vote: number; archived_at: string | null; n: number }>(
      sql`SELECT t.id, t.code, t.name, t.pays_dues, t.may_vote, t.archived_at,
                 (SELECT count(*) FROM members m WHERE m.membership_type_id = t.id AND m.archived_at IS NULL) AS n
          FROM membership_types t WHERE ${includeArchived} OR t.archived_at IS NULL ORDER BY t.position, t.id`,
    )
    .map((t) => ({
      id: t.id,
      code: t.code,
      name: t.name,
      paysDues: t.pays_dues === 1,
      mayVote: t.may_vote === 1,
      archived: t.archived_at !== null,
      memberCount: t.n,
    }));
}

import type { Api, MemberEntity, MergeField } from '../../shared/contract';
import { sql } from '../db/sql';
import { refreshLastContact } from '../contact-log/queries';
import { recordHistory } from '../history/queries';
import { setHousehold } from '../households/queries';
import { conflict, invalid } from '../members/errors';
import { mustGetMember } from '../members/queries';
import type { NormalizedMember } from '../members/rules';
import { updateMember } from '../members/writes';
import { isoDate, isoTime, type ContextProvider, type RegisterContext } from '../register/context';
import { findDuplicates, moveCounts } from './queries';
import { chooseFields } from './rules';

type DuplicatesApi = Pick<Api, 'duplicates.find' | 'duplicates.mergePreview' | 'duplicates.merge'>;

const values = (m: MemberEntity): Record<MergeField, string | boolean | null> => ({
  firstName: m.firstName,
  lastName: m.lastName,
  birthDate: m.birthDate,
  identityNumber: m.identityNumber,
  street: m.street,
  postcode: m.postcode,
  city: m.city,
  country: m.country,
  email: m.email,
  mobile: m.mobile,
  consentSms: m.consentSms,
  consentEmail: m.consentEmail,
  consentPost: m.consentPost,
  joinedOn: m.joinedOn,
});

function pair(ctx: RegisterContext, keepId: number, otherId: number) {
  if (keepId === otherId) throw invalid('otherId', 'merge-self');
  const keep = mustGetMember(ctx.db, keepId);
  const other = mustGetMember(ctx.db, otherId);
  if (keep.mergedInto !== null) throw conflict('already-merged', 'keepId');
  if (other.mergedInto !== null) throw conflict('already-merged', 'otherId');
  if (keep.archivedAt !== null) throw conflict('member-archived', 'keepId');
  return { keep, other };
}

export function createDuplicatesHandlers(context: ContextProvider): DuplicatesApi {
  return {
    async 'duplicates.find'({ limit }) {
      return findDuplicates(context().db, limit);
    },

    async 'duplicates.mergePreview'({ keepId, otherId, choose }) {
      const ctx = context();
      const { keep, other } = pair(ctx, keepId, otherId);
      return { fields: chooseFields(values(keep), values(other), choose), moves: moveCounts(ctx.db, keepId, otherId) };
    },

    async 'duplicates.merge'({ keepId, otherId, choose }) {
      const ctx = context();
      const { keep, other } = pair(ctx, keepId, otherId);
      const fields = chooseFields(values(keep), values(other), choose);
      const merged = Object.fromEntries(fields.map((f) => [f.field, f.chosen === 'keep' ? f.keep : f.other]));
      const m = { ...merged, membershipTypeId: keep.membershipTypeId, status: keep.status } as unknown as NormalizedMember;
      const db = ctx.db;
      const today = isoDate(ctx.now());
      return ctx.write(() => {
        const now = isoTime(ctx.now());
        // The identity number is unique: the other member gives it up before the kept one takes it.
        if (m.identityNumber !== null && m.identityNumber === other.identityNumber) {
          db.run(sql`UPDATE members SET identity_number = NULL WHERE id = ${otherId}`);
        }
        updateMember(ctx, keep, m, 'merge');
        // The other's open type period ends today; its periods then join the kept member's as history.
        db.run(sql`UPDATE member_type_periods SET to_on = max(from_on, ${today}) WHERE member_id = ${otherId} AND to_on IS NULL`);
        for (const tbl of ['contact_log', 'group_roles', 'member_type_periods'] as const) {
          db.run({ text: `UPDATE ${tbl} SET member_id = ? WHERE member_id = ?`, params: [keepId, otherId] });
        }
        // The other's "added to the register" tells when that record was made: it stays with it (as an import's does).
        db.run(sql`UPDATE member_history SET member_id = ${keepId} WHERE member_id = ${otherId} AND field != 'created'`);
        const taken = db.all<{ field_id: number; value: string | number }>(
          sql`SELECT field_id, value FROM custom_values v WHERE member_id = ${otherId}
              AND NOT EXISTS (SELECT 1 FROM custom_values k WHERE k.member_id = ${keepId} AND k.field_id = v.field_id)`,
        );
        for (const v of taken) {
          db.run(sql`UPDATE custom_values SET member_id = ${keepId} WHERE member_id = ${otherId} AND field_id = ${v.field_id}`);
          recordHistory(db, keepId, now, [{ field: `custom:${v.field_id}`, oldValue: null, newValue: v.value }], 'merge');
        }
        if (keep.householdId === null && other.householdId !== null) {
          // Kept joins first, so a household of two does not dissolve when the other leaves it.
          setHousehold(db, keepId, other.householdId, now, 'merge');
          setHousehold(db, otherId, null, now, 'merge');
        } else if (other.householdId !== null) {
          setHousehold(db, otherId, null, now, 'merge');
        }
        refreshLastContact(db, keepId);
        refreshLastContact(db, otherId);
        db.run(sql`UPDATE members SET archived_at = coalesce(archived_at, ${now}), merged_into = ${keepId}, updated_at = ${now} WHERE id = ${otherId}`);
        recordHistory(db, otherId, now, [{ field: 'mergedInto', oldValue: null, newValue: keep.memberNumber }], 'merge');
        recordHistory(db, keepId, now, [{ field: 'mergedFrom', oldValue: null, newValue: other.memberNumber }], 'merge');
        return mustGetMember(db, keepId);
      });
    },
  };
}

import type { Api } from '../../shared/contract';
import { validationError, type FieldIssue } from '../../shared/result';
import { sql } from '../db/sql';
import { recordHistory } from '../history/queries';
import { conflict, invalid } from '../members/errors';
import { mustGetMember } from '../members/queries';
import { isoTime, type ContextProvider } from '../register/context';
import { listFields, memberValues, mustGetField } from './queries';
import { checkCustomValue, checkOptions, type StoredValue } from './rules';

type CustomApi = Pick<
  Api,
  | 'customFields.list'
  | 'customFields.create'
  | 'customFields.update'
  | 'customFields.archive'
  | 'customFields.unarchive'
  | 'customFields.values'
  | 'customFields.setValues'
>;

export function createCustomFieldsHandlers(context: ContextProvider): CustomApi {
  const setArchived = async (id: number, archived: boolean) => {
    const ctx = context();
    mustGetField(ctx.db, id);
    return ctx.write(() => {
      ctx.db.run(sql`UPDATE custom_fields SET archived_at = ${archived ? isoTime(ctx.now()) : null} WHERE id = ${id}`);
      return mustGetField(ctx.db, id);
    });
  };
  return {
    async 'customFields.list'({ includeArchived }) {
      return listFields(context().db, includeArchived);
    },
    async 'customFields.create'({ name, kind, options }) {
      const ctx = context();
      const o = checkOptions(kind, options);
      if (!o.ok) throw invalid('options', o.code);
      return ctx.write(() => {
        const { lastId } = ctx.db.run(sql`INSERT INTO custom_fields (name, kind, options, position, created_at)
          VALUES (${name}, ${kind}, ${JSON.stringify(o.options)}, (SELECT coalesce(max(position), 0) + 1 FROM custom_fields), ${isoTime(ctx.now())})`);
        return mustGetField(ctx.db, lastId);
      });
    },
    async 'customFields.update'({ id, name, options, position }) {
      const ctx = context();
      const f = mustGetField(ctx.db, id);
      let json: string | null = null;
      if (options !== undefined) {
        const o = checkOptions(f.kind, options);
        if (!o.ok) throw invalid('options', o.code);
        const removed = f.options.filter((x) => !o.options.includes(x));
        for (const r of removed) {
          if (ctx.db.get(sql`SELECT 1 AS x FROM custom_values WHERE field_id = ${id} AND value = ${r} LIMIT 1`)) {
            throw conflict('option-in-use', 'options', { option: r });
          }
        }
        json = JSON.stringify(o.options);
      }
      return ctx.write(() => {
        ctx.db.run(sql`UPDATE custom_fields SET name = coalesce(${name ?? null}, name), options = coalesce(${json}, options),
          position = coalesce(${position ?? null}, position) WHERE id = ${id}`);
        return mustGetField(ctx.db, id);
      });
    },
    'customFields.archive': ({ id }) => setArchived(id, true),
    'customFields.unarchive': ({ id }) => setArchived(id, false),
    async 'customFields.values'({ memberId }) {
      const { db } = context();
      mustGetMember(db, memberId);
      return memberValues(db, memberId);
    },
    async 'customFields.setValues'({ memberId, values }) {
      const ctx = context();
      mustGetMember(ctx.db, memberId);
      // Check everything first: a wrong value anywhere leaves every value as it was.
      const issues: FieldIssue[] = [];
      const planned: { fieldId: number; stored: StoredValue | null }[] = [];
      values.forEach((v, i) => {
        const f = ctx.db.get(sql`SELECT 1 AS x FROM custom_fields WHERE id = ${v.fieldId}`) ? mustGetField(ctx.db, v.fieldId) : null;
        if (!f) return issues.push({ field: `values.${i}.fieldId`, code: 'custom-field-not-found' });
        if (f.archived && v.value !== null) return issues.push({ field: `values.${i}.fieldId`, code: 'custom-field-archived' });
        if (v.value === null || v.value === '') return planned.push({ fieldId: f.id, stored: null });
        const r = checkCustomValue(f, v.value);
        if (!r.ok) return issues.push({ field: `values.${i}.value`, code: r.code });
        planned.push({ fieldId: f.id, stored: r.stored });
      });
      if (issues.length) throw validationError(issues);
      return ctx.write(() => {
        const at = isoTime(ctx.now());
        for (const p of planned) {
          const old = ctx.db.get<{ value: StoredValue }>(sql`SELECT value FROM custom_values WHERE member_id = ${memberId} AND field_id = ${p.fieldId}`);
          if (p.stored === null) ctx.db.run(sql`DELETE FROM custom_values WHERE member_id = ${memberId} AND field_id = ${p.fieldId}`);
          else {
            ctx.db.run(sql`INSERT INTO custom_values (member_id, field_id, value) VALUES (${memberId}, ${p.fieldId}, ${p.stored})
                           ON CONFLICT(member_id, field_id) DO UPDATE SET value = excluded.value`);
          }
          recordHistory(ctx.db, memberId, at, [{ field: `custom:${p.fieldId}`, oldValue: old?.value ?? null, newValue: p.stored }], 'edit');
        }
        ctx.db.run(sql`UPDATE members SET updated_at = ${at} WHERE id = ${memberId}`);
        return memberValues(ctx.db, memberId);
      });
    },
  };
}

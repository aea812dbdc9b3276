import type { TFunction } from 'i18next';
import type { CustomFieldEntity, GroupEntity } from '../../shared/contract';
import { IMPORT_TARGETS, type ImportTarget } from '../../shared/contract/imports';

/** Everything a column can go into, labelled: member fields, then own fields, then groups (yes/no). */
export function targetOptions(t: TFunction, fields: CustomFieldEntity[], groups: GroupEntity[]): { value: ImportTarget; label: string }[] {
  return [
    ...IMPORT_TARGETS.map((f) => ({ value: f, label: t(`import.fields.${f}`) })),
    ...fields.filter((f) => !f.archived).map((f) => ({ value: `custom:${f.id}` as const, label: t('import.ownField', { name: f.name }) })),
    ...groups.filter((g) => !g.archived).map((g) => ({ value: `group:${g.id}` as const, label: t('import.groupYesNo', { name: g.name }) })),
  ];
}

import type { TFunction } from 'i18next';
import type { MembershipTypeEntity } from '../../shared/contract';

/** Built-in types are named in the UI language; the association's own keep the name they were given. */
export function typeName(t: TFunction, type: MembershipTypeEntity): string {
  return type.code ? t(`members.types.${type.code}`, { defaultValue: type.name }) : type.name;
}

/**
 * The type a new member gets unless the user picks another: the built-in full membership, if it
 * is still in use (the member form and the import wizard both start from it).
 */
export function defaultTypeId(types: MembershipTypeEntity[]): number | null {
  return types.find((x) => x.code === 'full' && !x.archived)?.id ?? null;
}

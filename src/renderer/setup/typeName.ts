import type { TFunction } from 'i18next';
import type { MembershipTypeEntity } from '../../shared/contract';

/** Built-in types are named in the UI language; the association's own keep the name they were given. */
export function typeName(t: TFunction, type: MembershipTypeEntity): string {
  return type.code ? t(`members.types.${type.code}`, { defaultValue: type.name }) : type.name;
}

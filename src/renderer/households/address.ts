import type { HouseholdMember } from '../../shared/contract';
import { formatPostcode } from '../../shared/nordic/postcode';

/**
 * "Storgatan 1, 222 22 Lund": the address as the longest-registered member (lowest number) has
 * it, since the others may have typed it differently ("storgatan 1").
 */
export function addressLine(members: HouseholdMember[], country: string): string | null {
  const m = [...members].sort((a, b) => a.memberNumber - b.memberNumber).find((x) => x.street || x.postcode || x.city);
  if (!m) return null;
  const place = [m.postcode && formatPostcode(m.postcode, country), m.city].filter(Boolean).join(' ');
  return [m.street, place].filter(Boolean).join(', ');
}

export const namesOf = (members: HouseholdMember[]) => members.map((m) => `${m.firstName} ${m.lastName}`.trim()).join(', ');

/** "Berg / Lind": the distinct last names, for an unnamed household's title. */
export const lastNamesOf = (members: HouseholdMember[]) => [...new Set(members.map((m) => m.lastName))].join(' / ');

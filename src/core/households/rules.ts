import { foldForSearch } from '../../shared/text/fold';

export interface AddressFacts {
  id: number;
  street: string | null;
  postcode: string | null;
  householdId: number | null;
}

/**
 * The address as a comparable key: street folded (case, accents, punctuation: "Storgatan 1 B"
 * = "storgatan 1b"), postcode without spaces. No street or postcode, no key: we do not guess.
 */
export function addressKey(street: string | null, postcode: string | null): string | null {
  if (!street || !postcode) return null;
  const s = foldForSearch(street).replace(/\s+/g, '');
  const p = postcode.replace(/\s+/g, '').toUpperCase();
  return s && p ? `${s}|${p}` : null;
}

export interface Suggestion {
  addressKey: string;
  householdId: number | null;
  memberIds: number[];
}

/**
 * Members sharing an address who are not all in one household. When some of them already form a
 * household (exactly one), the suggestion is to add the others to it; when they are spread over
 * two or more households, the association decides — no suggestion.
 */
export function suggestHouseholds(members: AddressFacts[]): Suggestion[] {
  const byKey = new Map<string, AddressFacts[]>();
  for (const m of members) {
    const k = addressKey(m.street, m.postcode);
    if (!k) continue;
    const list = byKey.get(k);
    if (list) list.push(m);
    else byKey.set(k, [m]);
  }
  const out: Suggestion[] = [];
  for (const [key, list] of byKey) {
    if (list.length < 2) continue;
    const households = new Set(list.map((m) => m.householdId).filter((h): h is number => h !== null));
    if (households.size > 1) continue;
    const householdId = households.size ? [...households][0] : null;
    if (householdId !== null && list.every((m) => m.householdId === householdId)) continue;
    out.push({ addressKey: key, householdId, memberIds: list.map((m) => m.id).sort((a, b) => a - b) });
  }
  return out.sort((a, b) => a.addressKey.localeCompare(b.addressKey));
}

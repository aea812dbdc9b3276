import type { Language, MergeValueStats, SendOutMergeField } from '../../shared/contract';
import { analyzeSms } from '../../shared/sms/segments';
import { EXPORT_TEXTS } from '../exports/texts';
import type { Candidate, Message } from './recipients';

export type MergeValues = Record<SendOutMergeField, string>;

function list(names: string[], language: Language): string {
  const and = EXPORT_TEXTS[language].and;
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

const distinct = (xs: string[]) => [...new Set(xs.filter((x) => x.trim()))];

/**
 * The merge fields of one message. A message shared by several members (one phone, one
 * household) greets them all: {firstName} "Anna och Per", {fullName} "Anna och Per Andersson"
 * or "Anna Berg och Per Ek"; {memberNumber} is the addressee's.
 */
export function mergeValuesOf(members: readonly Candidate[], language: Language): MergeValues {
  const first = members[0];
  if (members.length === 1) {
    return {
      firstName: first.firstName,
      lastName: first.lastName,
      fullName: `${first.firstName} ${first.lastName}`.trim(),
      memberNumber: String(first.memberNumber),
    };
  }
  const lastNames = distinct(members.map((m) => m.lastName));
  const fullName =
    lastNames.length <= 1
      ? `${list(distinct(members.map((m) => m.firstName)), language)} ${lastNames[0] ?? ''}`.trim()
      : list(members.map((m) => `${m.firstName} ${m.lastName}`.trim()), language);
  return {
    firstName: list(distinct(members.map((m) => m.firstName)), language),
    lastName: list(lastNames, language),
    fullName,
    memberNumber: String(first.memberNumber),
  };
}

/**
 * For the SMS counter: each field's longest value (in UTF-16 units, what UCS-2 counts; ties go to
 * a value that forces UCS-2) and how many messages have a value outside GSM-7.
 */
export function mergeValueStats(messages: readonly Message[], language: Language): Record<SendOutMergeField, MergeValueStats> {
  const out = {
    firstName: { longest: '', ucs2: 0 },
    lastName: { longest: '', ucs2: 0 },
    fullName: { longest: '', ucs2: 0 },
    memberNumber: { longest: '', ucs2: 0 },
  } satisfies Record<SendOutMergeField, MergeValueStats>;
  // Names repeat a lot: analyse each distinct value once.
  const gsm = new Map<string, boolean>();
  const isGsm = (v: string) => {
    let r = gsm.get(v);
    if (r === undefined) gsm.set(v, (r = analyzeSms(v).encoding === 'GSM-7'));
    return r;
  };
  const fields = Object.keys(out) as SendOutMergeField[];
  /** Counts one value whose GSM-7-ness is known. */
  const seeKnown = (field: SendOutMergeField, v: string, ok: boolean) => {
    const s = out[field];
    if (!ok) s.ucs2++;
    if (v.length > s.longest.length || (v.length === s.longest.length && !ok && isGsm(s.longest))) s.longest = v;
  };
  const see = (field: SendOutMergeField, v: string) => seeKnown(field, v, isGsm(v));
  let longestNumber = 0;
  for (const m of messages) {
    if (m.members.length === 1) {
      // Most messages: no values object, and only the names analysed (a full name is GSM-7 when
      // both its names are; a member number is digits). 100,000 full names are mostly distinct.
      const c = m.members[0];
      const first = isGsm(c.firstName);
      const last = isGsm(c.lastName);
      seeKnown('firstName', c.firstName, first);
      seeKnown('lastName', c.lastName, last);
      const full = c.firstName.length + c.lastName.length + 1;
      if (full >= out.fullName.longest.length || !(first && last)) seeKnown('fullName', `${c.firstName} ${c.lastName}`.trim(), first && last);
      longestNumber = Math.max(longestNumber, c.memberNumber);
      continue;
    }
    const values = mergeValuesOf(m.members, language);
    for (const field of fields) see(field, values[field]);
  }
  if (String(longestNumber).length > out.memberNumber.longest.length) out.memberNumber.longest = String(longestNumber);
  return out;
}

import type { RegisterCountry } from '../../shared/contract';
import type { DuesFeeEntity, ExclusionReason, InvoicePersonRef, PreviewInvoice, PreviewLine } from '../../shared/contract/dues';
import type { FieldIssue } from '../../shared/result';
import { allot, type CreditUse } from './credit-balance';
import { householdKey, type RunFacts, type RunMember } from './run-data';
import { referenceTooLong } from './references';
import { missingForRun, type StoredDuesSettings } from './settings-rules';
import { listNames, typeName, type DuesTexts } from './texts';

export interface PlannedInvoice extends PreviewInvoice {
  /** Last year's invoices this one takes over (marked carried when it is created). */
  carries: number[];
  /** Credit of the members it covers used on it (booked as 'credit' payments when created). */
  credits: CreditUse[];
}

export interface RunPlan {
  invoices: PlannedInvoice[];
  excluded: (InvoicePersonRef & { reason: ExclusionReason })[];
  blocking: FieldIssue[];
}

export const hasPostalAddress = (m: Pick<RunMember, 'street' | 'postcode' | 'city'>) => !!(m.street && m.postcode && m.city);
const reachable = (m: RunMember) => hasPostalAddress(m) || !!m.email;
const ref = (m: RunMember): InvoicePersonRef => ({ memberId: m.id, memberNumber: m.member_number, firstName: m.first_name, lastName: m.last_name });
const inIntro = (fee: DuesFeeEntity, m: RunMember) => !!(fee.intro && m.joined_on && m.joined_on >= fee.intro.from && m.joined_on <= fee.intro.to);

/** The first reason a member gets no invoice, or null (may be invoiced, alone or with the household). */
function exclusion(f: RunFacts, m: RunMember, invoiceDate: string, includeCredited: boolean): ExclusionReason | null {
  if (m.archived_at) return 'archived';
  if (m.status === 'left') return 'left';
  if (m.status === 'struck_off') return 'struck-off';
  if (m.joined_on && m.joined_on > invoiceDate) return 'not-yet-member';
  if (f.invoiced.has(m.id)) return 'already-invoiced';
  const fee = m.membership_type_id === null ? undefined : f.fees.get(m.membership_type_id);
  if (fee?.perHousehold && m.household_id !== null && f.householdsInvoiced.has(householdKey(m.household_id, fee.membershipTypeId))) return 'already-invoiced';
  if (f.credited.has(m.id) && !includeCredited) return 'credited';
  if (f.paidForYear.has(m.id)) return 'already-paid';
  if (f.directDebit.has(m.id)) return 'direct-debit';
  if (m.membership_type_id === null) return 'no-membership-type';
  const type = f.types.get(m.membership_type_id);
  if (fee ? fee.free : type?.pays_dues === 0) return 'free-type';
  if (!fee) return 'no-fee';
  return null;
}

/**
 * Who is invoiced, for what, and who is not and why — the preview shows it and the run creates
 * exactly it, so the two cannot disagree. Members come in name order; a household sharing a
 * per-household fee becomes one invoice addressed to its first member with a postal address.
 * Last year's invoices still owed become "carried" lines (each old invoice once).
 */
export function planRun(
  f: RunFacts,
  s: StoredDuesSettings,
  country: RegisterCountry,
  texts: DuesTexts,
  invoiceDate: string,
  includeCredited: boolean,
  dueOn?: string,
): RunPlan {
  const excluded: RunPlan['excluded'] = [];
  const groups = new Map<string, RunMember[]>();
  const feeMissing = new Set<number>();
  for (const m of f.members) {
    const reason = exclusion(f, m, invoiceDate, includeCredited);
    if (reason) {
      if (reason === 'no-fee') feeMissing.add(m.membership_type_id!);
      excluded.push({ ...ref(m), reason });
      continue;
    }
    const fee = f.fees.get(m.membership_type_id!)!;
    const key = fee.perHousehold && m.household_id !== null ? `h${householdKey(m.household_id, fee.membershipTypeId)}` : `m${m.id}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }

  const carried = new Set<number>();
  const invoices: PlannedInvoice[] = [];
  for (const members of groups.values()) {
    if (!members.some(reachable)) {
      for (const m of members) excluded.push({ ...ref(m), reason: 'no-address' });
      continue;
    }
    const addressee = members.find(hasPostalAddress) ?? members.find(reachable)!;
    const type = f.types.get(addressee.membership_type_id!)!;
    const fee = f.fees.get(type.id)!;
    const tName = typeName(texts, type.code, type.name);
    const lines: PreviewLine[] = [];
    const intro = members.every((m) => inIntro(fee, m));
    const amount = intro ? fee.intro!.amount : fee.amount;
    const household = members.length > 1 || (fee.perHousehold && addressee.household_id !== null);
    const names = listNames(members.map((m) => `${m.first_name} ${m.last_name}`), texts.and);
    if (amount > 0) {
      lines.push({
        kind: intro ? 'intro' : household ? 'household' : 'fee',
        description: intro ? texts.intro(f.year, tName) + (household ? ` (${names})` : '') : household ? texts.household(f.year, tName, names) : texts.fee(f.year, tName),
        amount,
        carriedInvoiceId: null,
      });
    }
    const carries: number[] = [];
    for (const m of members) {
      for (const o of f.owedLastYear.get(m.id) ?? []) {
        if (carried.has(o.id)) continue;
        carried.add(o.id);
        carries.push(o.id);
        lines.push({ kind: 'carried', description: texts.carried(o.year, String(o.seq)), amount: o.owed, carriedInvoiceId: o.id });
      }
    }
    if (!lines.length) {
      // An introductory fee of 0 ("first year free") with nothing to carry: nothing to ask for.
      for (const m of members) excluded.push({ ...ref(m), reason: 'free-type' });
      continue;
    }
    const sorted = [addressee, ...members.filter((m) => m !== addressee)];
    const total = lines.reduce((n, l) => n + l.amount, 0);
    const credits = allot(sorted.flatMap((m) => f.credit.get(m.id) ?? []), total);
    const creditUsed = credits.reduce((n, c) => n + c.amount, 0);
    invoices.push({
      member: ref(addressee),
      covers: sorted.map(ref),
      householdId: household ? addressee.household_id : null,
      membershipTypeId: type.id,
      lines,
      total,
      ...(creditUsed > 0 ? { creditUsed } : {}),
      dueOn: dueOn ?? fee.dueOn,
      printable: hasPostalAddress(addressee),
      email: addressee.email,
      carries,
      credits,
    });
  }

  const position = new Map(f.members.map((m, i) => [m.id, i]));
  excluded.sort((a, b) => position.get(a.memberId)! - position.get(b.memberId)!);

  const blocking: FieldIssue[] = [...missingForRun(s, country)];
  if (!f.fees.size) blocking.push({ field: 'year', code: 'no-fees-for-year' });
  for (const typeId of feeMissing) blocking.push({ field: `fees.${typeId}`, code: 'fee-missing' });
  if (dueOn !== undefined) {
    if (dueOn < invoiceDate) blocking.push({ field: 'dueOn', code: 'due-before-invoice-date' });
  } else {
    const lateDue = new Set(invoices.filter((i) => i.dueOn < invoiceDate).map((i) => i.membershipTypeId));
    for (const typeId of lateDue) blocking.push({ field: `fees.${typeId}.dueOn`, code: 'due-before-invoice-date' });
  }
  const highest = Math.max(s.nextInvoiceNumber, f.highestSeq + 1) + invoices.length - 1;
  const tooLong = invoices.length ? referenceTooLong(s, country, highest) : null;
  if (tooLong) blocking.push({ field: tooLong, code: 'reference-too-long' });
  return { invoices, excluded, blocking };
}

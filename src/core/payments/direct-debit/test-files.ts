import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HandlerArgs, HandlerName, HandlerResult, MemberInput } from '../../../shared/contract';
import { ADDRESS, SE_PAYMENT } from '../../dues/test-fixtures';
import { registerWith, testCore, type TestCore } from '../../test-support';

/**
 * Direct-debit tests: a register whose clock the test moves (orders are made before the debit
 * day, the bank's answer read after it), and files as Bankgirot would send them, written by the
 * test from what the app exported.
 */
export interface DdTest {
  t: TestCore;
  setToday(iso: string): void;
  call<K extends HandlerName>(name: K, args: HandlerArgs<K>): Promise<HandlerResult<K>>;
  result: TestCore['result'];
  member(input: Partial<MemberInput> & { firstName: string; lastName: string }): Promise<{ id: number; memberNumber: number }>;
  /** Writes bytes to a file in the test's folder and returns its path. */
  file(name: string, data: string | Buffer): Promise<string>;
}

export async function ddTest(country: 'SE' | 'NO', today: string): Promise<DdTest> {
  let day = today;
  let tick = 0;
  const t = await testCore({ now: () => new Date(Date.parse(`${day}T08:00:00Z`) + 1000 * tick++) });
  await registerWith(t, country);
  return {
    t,
    setToday: (iso) => {
      day = iso;
    },
    call: (name, args) => t.call(name, args),
    result: t.result,
    async member(input) {
      const m = await t.call('members.create', { country, membershipTypeId: 1, joinedOn: '2020-01-01', ...ADDRESS[country], ...input });
      return { id: m.id, memberNumber: m.memberNumber };
    },
    async file(name, data) {
      const path = join(t.dir, name);
      await writeFile(path, data);
      return path;
    },
  };
}

export const SE_SETTINGS = { ...SE_PAYMENT, associationName: 'Föreningen Ödegård', orgNumber: '802002-4280' } as const;
/** SE_PAYMENT's bankgiro, as the files write it (10 digits). */
export const OUR_BG = '0054029681';

const ymd = (iso: string) => iso.replace(/-/g, '');
const z = (v: number | string, n: number) => String(v).padStart(n, '0');

/** Bankgirot's mandate advice in the new layout. */
export function adviceFile(bankgiro: string, date: string, records: { payer: number | string; info: string; status: string }[], count = records.length): string {
  return [
    `01AUTOGIRO${' '.repeat(14)}${ymd(date)}${' '.repeat(12)}AG-MEDAVI${' '.repeat(11)}123456${bankgiro}`,
    ...records.map((r) => `73${bankgiro}${z(r.payer, 16)}${' '.repeat(16)}${' '.repeat(12)}     ${r.info}${r.status}${ymd(date)}`),
    `09${ymd(date)}9900${z(count, 7)}`,
  ].join('\r\n');
}

export interface ReportDebit {
  payer: number | string;
  amount: number;
  reference: string;
  /** 0 paid, 1 no cover, 2 no connection, 9 renewed. */
  status?: string;
}

/** Bankgirot's payment specification ("BET. SPEC & STOPP TK"): one TK15 section of debits, optional refunds (TK17/77), TK09. */
export function reportFile(
  bankgiro: string,
  date: string,
  debits: ReportDebit[],
  options: { refunds?: (ReportDebit & { code: string })[]; sectionAmount?: number; sectionCount?: number } = {},
): string {
  const approved = debits.filter((d) => (d.status ?? '0') === '0');
  const amount = options.sectionAmount ?? approved.reduce((n, d) => n + d.amount, 0);
  const count = options.sectionCount ?? approved.length;
  const rec = (tk: string, d: ReportDebit, tail: string) => `${tk}${ymd(date)}0    ${z(d.payer, 16)}${z(d.amount, 12)}${bankgiro}${d.reference.padEnd(16, ' ')}${tail}`;
  const refunds = options.refunds ?? [];
  const lines = [
    `01AUTOGIRO${' '.repeat(14)}${ymd(date)}120000000000BET. SPEC & STOPP TK123456${bankgiro}`,
    `15${z('1234567890', 35)}${ymd(date)}00001${z(amount, 18)}   ${z(count, 8)}`,
    ...debits.map((d) => rec('82', d, `${' '.repeat(10)}${d.status ?? '0'}`)),
  ];
  if (refunds.length) {
    lines.push(`17${z('1234567890', 35)}${ymd(date)}00002${z(refunds.reduce((n, r) => n + r.amount, 0), 18)}   ${z(refunds.length, 8)}`);
    lines.push(...refunds.map((r) => rec('77', r, `${ymd(date)}${r.code}`)));
  }
  lines.push(`09${ymd(date)}9900${z(1, 6)}${z(approved.length, 12)}${z(0, 6)}${z(0, 12)}${z(refunds.length ? 1 : 0, 6)}${z(refunds.length, 12)}`);
  return lines.join('\r\n');
}

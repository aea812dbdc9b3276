import type { HandlerArgs, HandlerName, HandlerResult, MemberInput } from '../../shared/contract';
import type { LettersJob, LettersJobResult } from '../documents/letters/types';
import { dispatch } from '../dispatch';
import { registerWith, testCore, type TestCore } from '../test-support';
import { createDuesHandlers } from './handlers';

/**
 * Dues tests: a register on a fixed day whose dues handlers print through a fake job runner that
 * records the LettersJob it is given, so the letter data is tested without PDFs (the letters
 * engineer's tests render them).
 */
export interface DuesTest {
  t: TestCore;
  jobs: { letters: { jobId: string; job: LettersJob }[] };
  call<K extends HandlerName>(name: K, args: HandlerArgs<K>): Promise<HandlerResult<K>>;
  result(name: HandlerName, args: unknown): ReturnType<typeof dispatch>;
  member(input: Partial<MemberInput> & { firstName: string; lastName: string }): Promise<number>;
}

export const SE_PAYMENT = { bankgiro: '5402-9681', swishNumber: '123 785 69 01', referenceKind: 'ocr', ocrLevel: 'variable' } as const;

export async function duesTest(country: 'SE' | 'NO' = 'SE', today = '2026-11-15'): Promise<DuesTest> {
  // The clock moves a second per reading, so what happens later has a later time (the log's order).
  let tick = 0;
  const t = await testCore({ now: () => new Date(Date.parse(`${today}T08:00:00Z`) + 1000 * tick++) });
  await registerWith(t, country);
  const jobs: DuesTest['jobs'] = { letters: [] };
  const fake = {
    async letters(jobId: string, job: LettersJob): Promise<LettersJobResult> {
      jobs.letters.push({ jobId, job });
      return { path: job.path, letters: job.letters.length, indexPath: null, notPrintable: [] };
    },
  };
  const api = { ...t.core.api, ...createDuesHandlers(() => t.core.context(), fake) };
  const result = (name: HandlerName, args: unknown) => dispatch(api, name, args);
  const call = async <K extends HandlerName>(name: K, args: HandlerArgs<K>): Promise<HandlerResult<K>> => {
    const r = await result(name, args);
    if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.code} ${r.error.message}`), { error: r.error });
    return r.value as HandlerResult<K>;
  };
  const member: DuesTest['member'] = async (input) =>
    (await t.call('members.create', { country, membershipTypeId: 1, joinedOn: '2020-01-01', ...input })).id;
  return { t, jobs, call, result, member };
}

/** A postal address in the register's country. */
export const ADDRESS = {
  SE: { street: 'Storgatan 1', postcode: '114 18', city: 'Stockholm' },
  NO: { street: 'Storgata 1', postcode: '0150', city: 'Oslo' },
} as const;

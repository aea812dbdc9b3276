import type { Api } from '../../shared/contract';
import { duesContract } from '../../shared/contract/dues';
import { KansliError } from '../../shared/result';
import type { LettersJob, LettersJobResult } from '../documents/letters/types';
import type { ContextProvider } from '../register/context';

export type DuesApi = Pick<Api, Extract<keyof Api, `dues.${string}`>>;

/** What the dues domain needs from the job runner (src/core/jobs): letters rendered in a worker. */
export interface DuesJobs {
  letters(jobId: string, job: LettersJob): Promise<LettersJobResult>;
}

/**
 * TEMPORARY while the dues core is being written: the contract is published first so the UI can
 * start; every handler answers `internal` until its implementation lands (same session).
 */
export function createDuesHandlers(_context: ContextProvider, _jobs: DuesJobs): DuesApi {
  const pending = async () => {
    throw new KansliError('internal', 'Dues handlers are not built yet.');
  };
  return Object.fromEntries(Object.keys(duesContract).map((k) => [k, pending])) as unknown as DuesApi;
}

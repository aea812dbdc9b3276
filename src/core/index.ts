import { createExportsHandlers } from './exports/handlers';
import { createImportsHandlers } from './imports/handlers';
import { createJobs } from './jobs';
import { createJobsHandlers } from './jobs/handlers';
import type { Api, Emit } from '../shared/contract';
import { createBulkHandlers } from './bulk/handlers';
import { createCommunicationHandlers } from './communication/handlers';
import { createDirectDebitHandlers } from './payments/direct-debit/handlers';
import { netsOcrTransactions } from './payments/direct-debit/nets-ocr-link';
import { createReportsHandlers } from './payments/reports/handlers';
import { createContactLogHandlers } from './contact-log/handlers';
import { createCustomFieldsHandlers } from './custom-fields/handlers';
import { createDuplicatesHandlers } from './duplicates/handlers';
import { createDuesHandlers } from './dues/handlers';
import { createGroupsHandlers } from './groups/handlers';
import { createHistoryHandlers } from './history/handlers';
import { createHouseholdsHandlers } from './households/handlers';
import { createJourneyHandlers } from './journey/handlers';
import { createMembershipTypesHandlers } from './membership-types/handlers';
import { createMembersHandlers } from './members/handlers';
import { createPaymentsHandlers } from './payments/handlers';
import type { RegisterContext } from './register/context';
import { createSegmentsHandlers } from './segments/handlers';
import { createSurveysHandlers } from './surveys/handlers';
import { createRegisterHandlers } from './register/handlers';
import type { Session } from './register/session';
import { KansliError } from '../shared/result';
import type { KdfParams } from './vault';

export { dispatch } from './dispatch';

export interface CoreOptions {
  /** Where Kansli keeps its own small settings (recent registers). Never secrets. */
  configDir: string;
  /** Events to the window (save state, locked, job progress). */
  emit: Emit;
  /** Argon2id parameters for new registers; tests pass cheaper ones. */
  kdf?: KdfParams;
  /** Milliseconds between a change and the automatic save. */
  saveDebounceMs?: number;
  now?: () => Date;
}

export interface Core {
  api: Api;
  /** Saves what is unsaved and releases the register's lock (on quit). */
  shutdown(): Promise<void>;
  /**
   * The open register, for in-process callers only (the bench's seeding, tests): never on the
   * contract, never reachable from the window.
   */
  context(): RegisterContext;
}

/**
 * The one entry point. Electron's main process, the browser preview, the tests and the bench all
 * get the same API object here, with exactly the handlers of the contract.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  let current: Session | undefined;
  const now = options.now ?? (() => new Date());
  const context = () => {
    if (!current) throw new KansliError('not-open', 'No register is open.');
    return current;
  };

  // One job runner per core: the dues letters run through it, and jobs.cancel reaches them.
  const jobs = createJobs(options.emit);

  const api: Api = {
    ...createRegisterHandlers({
      configDir: options.configDir,
      emit: options.emit,
      kdf: options.kdf,
      saveDebounceMs: options.saveDebounceMs ?? 1500,
      now,
      current: () => current,
      setCurrent: (s) => (current = s),
    }),
    ...createMembersHandlers(context),
    ...createMembershipTypesHandlers(context),
    ...createGroupsHandlers(context),
    ...createHouseholdsHandlers(context),
    ...createCustomFieldsHandlers(context),
    ...createContactLogHandlers(context),
    ...createHistoryHandlers(context),
    ...createJourneyHandlers(context),
    ...createSegmentsHandlers(context),
    ...createBulkHandlers(context),
    ...createDuplicatesHandlers(context),
    ...createImportsHandlers(context, options.emit),
    ...createExportsHandlers(context),
    ...createDuesHandlers(context, jobs),
    ...createCommunicationHandlers(context),
    ...createPaymentsHandlers(context),
    ...createDirectDebitHandlers(context, netsOcrTransactions),
    ...createReportsHandlers(context),
    ...createSurveysHandlers(context),
    ...createJobsHandlers(jobs),
  };

  return {
    api,
    context,
    async shutdown() {
      if (current) {
        await current.close();
        current = undefined;
      }
    },
  };
}

import { joinContracts, type ArgsOf, type ResultOf } from './define';
import { bulkContract } from './bulk';
import { communicationContract } from './communication';
import { contactLogContract } from './contact-log';
import { customFieldsContract } from './custom-fields';
import { directDebitContract } from './direct-debit';
import { duplicatesContract } from './duplicates';
import { duesContract } from './dues';
import { exportsContract } from './exports';
import { jobsContract } from './jobs';
import { groupsContract } from './groups';
import { historyContract } from './history';
import { householdsContract } from './households';
import { importsContract } from './imports';
import { journeyContract } from './journey';
import { membersContract } from './members';
import { paymentsContract } from './payments';
import { registerContract } from './register';
import { reportsContract } from './reports';
import { segmentsContract } from './segments';
import { surveysContract } from './surveys';
import { membershipTypesContract } from './types';
import type { Result } from '../result';

/** The whole API between the window and the core: every domain's handlers, each name once. */
const domains = joinContracts(
  joinContracts(
    joinContracts(joinContracts(registerContract, membersContract), joinContracts(membershipTypesContract, groupsContract)),
    joinContracts(joinContracts(householdsContract, customFieldsContract), joinContracts(contactLogContract, historyContract)),
  ),
  joinContracts(
    joinContracts(joinContracts(journeyContract, segmentsContract), joinContracts(bulkContract, duplicatesContract)),
    joinContracts(joinContracts(importsContract, exportsContract), joinContracts(duesContract, joinContracts(joinContracts(jobsContract, communicationContract), paymentsContract))),
  ),
);
// The treasurer's direct debit, reports and books (issue 6).
export const contract = joinContracts(joinContracts(domains, joinContracts(directDebitContract, reportsContract)), surveysContract);

export type Contract = typeof contract;
export type HandlerName = keyof Contract;
export type HandlerArgs<K extends HandlerName> = ArgsOf<Contract[K]>;
export type HandlerResult<K extends HandlerName> = ResultOf<Contract[K]>;

/** What the core implements: one async function per contract entry. */
export type Api = { [K in HandlerName]: (args: import('./define').ParsedArgsOf<Contract[K]>) => Promise<HandlerResult<K>> };

/** What the renderer calls. */
export type Invoke = <K extends HandlerName>(name: K, args: HandlerArgs<K>) => Promise<Result<HandlerResult<K>>>;

/** Events main → renderer on one typed channel. */
export interface EventMap {
  'register.saveState': { state: import('./register').SaveState; error?: { code: string; message: string } };
  'register.locked': { path: string; reason: 'idle' | 'user' | 'quit' };
  'job.progress': { jobId: string; done: number; total: number; label?: string };
}
export type EventName = keyof EventMap;
export type Emit = <E extends EventName>(event: E, payload: EventMap[E]) => void;

export * from './register';
export * from './members';
export * from './types';
export * from './groups';
export * from './households';
export * from './custom-fields';
export * from './contact-log';
export * from './history';
export * from './journey';
export * from './segments';
export * from './bulk';
export * from './duplicates';
export { handler, joinContracts } from './define';
export * from './exports';
export * from './imports';
export * from './dues';
export * from './jobs';
export * from './communication';
export * from './payments';
export * from './direct-debit';
export * from './reports';
export * from './surveys';

import { readFile, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { Api } from '../../shared/contract';
import { LOGO_MAX_BYTES } from '../../shared/contract/dues';
import { KansliError, validationError } from '../../shared/result';
import type { LettersJob, LettersJobResult } from '../documents/letters/types';
import { sql } from '../db/sql';
import { logLetters } from '../exports/log-files';
import { conflict, invalid } from '../members/errors';
import { isoTime, type ContextProvider } from '../register/context';
import { duesAccount } from './account';
import { creditInvoice, writeOffInvoice } from './credit';
import { getDirectDebit, listDirectDebits, setDirectDebit } from './direct-debit';
import { feesOf, saveFees } from './fees';
import { listInvoices, mustGetInvoice, paymentsWhere } from './invoices';
import { buildLetters } from './letters';
import { duesLog, duesYears } from './log';
import { checkLogo } from './logo';
import { recordPayment, removePayment } from './payments';
import { refund } from './refund';
import { previewReminder, runReminder } from './reminders';
import { roundsOf, saveRounds } from './rounds';
import { executeRun, listRuns, previewRun } from './run';
import { settingsEntity, writeDuesSettings, writeLogo } from './settings';
import { normalizeSettings } from './settings-rules';
import { listStrikeOffs, strikeOff, strikeOffProposal, undoStrikeOff } from './strike-off';
import { strikeOffPdf } from './strike-off-pdf';

export type DuesApi = Pick<Api, Extract<keyof Api, `dues.${string}`>>;

/** What the dues domain needs from the job runner (src/core/jobs): letters rendered in a worker. */
export interface DuesJobs {
  letters(jobId: string, job: LettersJob): Promise<LettersJobResult>;
}

async function readLogoFile(path: string): Promise<Uint8Array> {
  if (!isAbsolute(path)) throw invalid('path', 'path-not-absolute');
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw invalid('path', 'file-not-found');
  }
  // Refused before reading: a 2 GB file picked by mistake never enters memory.
  if (size > LOGO_MAX_BYTES) throw invalid('path', 'logo-too-large');
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw new KansliError('io', (e as Error).message);
  }
}

export function createDuesHandlers(context: ContextProvider, jobs: DuesJobs): DuesApi {
  return {
    async 'dues.settings'() {
      return settingsEntity(context());
    },
    async 'dues.saveSettings'(input) {
      const ctx = context();
      const { value, issues } = normalizeSettings(input, ctx.country);
      if (issues.length) throw validationError(issues);
      return ctx.write(() => {
        writeDuesSettings(ctx, value, isoTime(ctx.now()));
        return settingsEntity(ctx);
      });
    },
    async 'dues.setLogo'({ path }) {
      const bytes = await readLogoFile(path);
      const checked = checkLogo(bytes);
      if (!checked.ok) throw invalid('path', checked.code);
      const ctx = context();
      return ctx.write(() => {
        writeLogo(ctx, { bytes, ...checked.logo }, isoTime(ctx.now()));
        return settingsEntity(ctx);
      });
    },
    async 'dues.removeLogo'() {
      const ctx = context();
      return ctx.write(() => {
        writeLogo(ctx, null, isoTime(ctx.now()));
        return settingsEntity(ctx);
      });
    },

    async 'dues.years'() {
      return duesYears(context().db);
    },
    async 'dues.fees'({ year }) {
      return feesOf(context().db, year);
    },
    async 'dues.saveFees'({ year, fees }) {
      const ctx = context();
      return ctx.write(() => saveFees(ctx, year, fees));
    },

    async 'dues.directDebit'({ memberId }) {
      return getDirectDebit(context().db, memberId);
    },
    async 'dues.setDirectDebit'(args) {
      const ctx = context();
      return ctx.write(() => setDirectDebit(ctx, args));
    },
    async 'dues.directDebits'() {
      return listDirectDebits(context().db);
    },

    async 'dues.preview'({ limit, ...args }) {
      return previewRun(context(), args, limit);
    },
    async 'dues.run'(args) {
      const ctx = context();
      return ctx.write(() => executeRun(ctx, args));
    },
    async 'dues.runs'({ year }) {
      return listRuns(context().db, year);
    },

    async 'dues.invoices'(query) {
      return listInvoices(context().db, query);
    },
    async 'dues.invoice'({ id }) {
      const { db } = context();
      const invoice = mustGetInvoice(db, id, 'id');
      return { ...invoice, payments: paymentsWhere(db, sql`p.invoice_id = ${id}`) };
    },
    async 'dues.recordPayment'(input) {
      const ctx = context();
      return ctx.write(() => recordPayment(ctx, input));
    },
    async 'dues.refund'(input) {
      const ctx = context();
      return ctx.write(() => refund(ctx, input));
    },
    async 'dues.removePayment'({ id }) {
      const ctx = context();
      ctx.write(() => removePayment(ctx, id));
      return { removed: true };
    },

    async 'dues.credit'({ invoiceId, on, note }) {
      const ctx = context();
      return ctx.write(() => creditInvoice(ctx, invoiceId, on, note));
    },
    async 'dues.writeOff'({ invoiceId, on, note }) {
      const ctx = context();
      return ctx.write(() => writeOffInvoice(ctx, invoiceId, on, note));
    },

    async 'dues.rounds'({ year }) {
      return roundsOf(context().db, year);
    },
    async 'dues.saveRounds'({ year, rounds }) {
      const ctx = context();
      return ctx.write(() => saveRounds(ctx, year, rounds));
    },
    async 'dues.reminderPreview'({ roundId, limit }) {
      return previewReminder(context(), roundId, limit);
    },
    async 'dues.runReminder'({ roundId }) {
      const ctx = context();
      return ctx.write(() => runReminder(ctx, roundId));
    },

    async 'dues.strikeOffProposal'({ year }) {
      return strikeOffProposal(context(), year);
    },
    async 'dues.strikeOffPdf'({ year, path, language }) {
      return strikeOffPdf(context(), year, path, language);
    },
    async 'dues.strikeOff'(args) {
      const ctx = context();
      return ctx.write(() => strikeOff(ctx, args));
    },
    async 'dues.undoStrikeOff'({ id }) {
      const ctx = context();
      return ctx.write(() => undoStrikeOff(ctx, id));
    },
    async 'dues.strikeOffs'({ year }) {
      return listStrikeOffs(context().db, year);
    },

    async 'dues.lettersPreview'({ source }) {
      const { letters, addressees } = buildLetters(context(), source);
      return {
        letters: letters.length,
        notPrintable: addressees.filter((_, i) => letters[i].recipient.addressLines === null),
        withoutEmail: addressees.filter((_, i) => !letters[i].recipient.email),
      };
    },
    async 'dues.letters'({ source, mode, path, sort, jobId }) {
      if (!isAbsolute(path)) throw invalid('path', 'path-not-absolute');
      const ctx = context();
      const { issuer, letters } = buildLetters(ctx, source);
      if (!letters.length) throw conflict('nothing-to-print', 'source');
      // Logged once the job has put every file in place; a cancelled or failed job leaves none and logs nothing.
      const result = await jobs.letters(jobId, { issuer, letters, mode, path, sort });
      logLetters(ctx, { letters, mode }, result);
      return result;
    },

    async 'dues.account'({ memberId }) {
      return duesAccount(context(), memberId);
    },
    async 'dues.log'({ year, limit }) {
      return duesLog(context().db, year, limit);
    },
  };
}

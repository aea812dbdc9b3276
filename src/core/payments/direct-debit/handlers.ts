import type { Api } from '../../../shared/contract';
import type { ContextProvider } from '../../register/context';
import { invalid } from '../../members/errors';
import { exportMandateFile, exportOrders } from './exports';
import { listFiles } from './files';
import { importAutogiroReport, importMandateAdvice } from './imports';
import { importAvtaleGiroOcr, type OcrParser } from './avtalegiro-import';
import { cancelMandate, getMandate, listMandates, requestMandate } from './mandates';
import { listOrders } from './order-list';
import { previewOrders } from './orders';
import { directDebitSettings, saveDirectDebitSettings } from './settings';

export type DirectDebitApi = Pick<Api, Extract<keyof Api, `directDebit.${string}`>>;

/**
 * `ocr` is the bank-file import's Nets OCR parser (it checks the file's counts and sums); the
 * AvtaleGiro answer is read with it rather than with a second parser of the same format.
 */
export function createDirectDebitHandlers(context: ContextProvider, ocr: OcrParser): DirectDebitApi {
  /** Autogiro is Swedish: its mandate handlers refuse a Norwegian register. */
  const swedish = () => {
    const ctx = context();
    if (ctx.country !== 'SE') throw invalid('country', 'direct-debit-country');
    return ctx;
  };
  return {
    async 'directDebit.settings'() {
      return directDebitSettings(context());
    },
    async 'directDebit.saveSettings'(input) {
      const ctx = context();
      return ctx.write(() => saveDirectDebitSettings(ctx, input));
    },
    async 'directDebit.mandates'() {
      return listMandates(context().db);
    },
    async 'directDebit.mandate'({ memberId }) {
      return getMandate(context().db, memberId);
    },
    async 'directDebit.requestMandate'(args) {
      const ctx = swedish();
      return ctx.write(() => requestMandate(ctx, args));
    },
    async 'directDebit.cancelMandate'({ memberId }) {
      const ctx = swedish();
      return ctx.write(() => cancelMandate(ctx, memberId));
    },
    async 'directDebit.mandateFile'({ path }) {
      return exportMandateFile(swedish(), path);
    },
    async 'directDebit.importMandateAdvice'({ path }) {
      return importMandateAdvice(swedish(), path);
    },
    async 'directDebit.ordersPreview'({ year, debitOn }) {
      return previewOrders(context(), year, debitOn);
    },
    async 'directDebit.exportOrders'({ year, debitOn, path }) {
      return exportOrders(context(), year, debitOn, path);
    },
    async 'directDebit.importReport'({ path }) {
      const ctx = context();
      return ctx.country === 'NO' ? importAvtaleGiroOcr(ctx, path, ocr) : importAutogiroReport(ctx, path);
    },
    async 'directDebit.orders'({ year }) {
      return listOrders(context().db, year);
    },
    async 'directDebit.files'({ limit }) {
      return listFiles(context().db, limit);
    },
  };
}

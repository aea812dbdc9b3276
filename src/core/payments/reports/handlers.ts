import type { Api } from '../../../shared/contract';
import type { ContextProvider } from '../../register/context';
import { readBookkeeping, saveBookkeeping } from '../sie/accounts';
import { exportSie, siePreview } from '../sie/export';
import { creditsReport } from './credits';
import { exportReport } from './export';
import { paymentsReport } from './payments';
import { receivables } from './receivables';

export type ReportsApi = Pick<Api, Extract<keyof Api, `reports.${string}` | `bookkeeping.${string}`>>;

export function createReportsHandlers(context: ContextProvider): ReportsApi {
  return {
    async 'reports.receivables'({ year }) {
      return receivables(context(), year);
    },
    async 'reports.payments'({ from, to }) {
      return paymentsReport(context(), from, to);
    },
    async 'reports.credits'() {
      return creditsReport(context());
    },
    async 'reports.export'({ choice, format, path, language }) {
      const ctx = context();
      return exportReport(ctx, choice, format, path, language ?? ctx.language);
    },
    async 'bookkeeping.settings'() {
      return readBookkeeping(context());
    },
    async 'bookkeeping.saveSettings'(input) {
      const ctx = context();
      return ctx.write(() => saveBookkeeping(ctx, input));
    },
    async 'bookkeeping.siePreview'({ from, to }) {
      return siePreview(context(), from, to);
    },
    async 'bookkeeping.sieExport'({ from, to, path }) {
      return exportSie(context(), from, to, path);
    },
  };
}

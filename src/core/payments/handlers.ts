import type { Api } from '../../shared/contract';
import type { ContextProvider } from '../register/context';
import { importEntity, listImports } from './imports/entities';
import { inspectBankFile } from './imports/inspect';
import { assignItem, candidates, leaveItem, reopenItem, reviewList } from './imports/review';
import { importBankFile, previewBankFile } from './imports/run';
import { undoImport } from './imports/undo';

export type PaymentsApi = Pick<Api, Extract<keyof Api, `payments.${string}`>>;

/** Bank files imported and matched: BgMax, Nets OCR giro, camt.054 and CSV reports (src/shared/contract/payments.ts). */
export function createPaymentsHandlers(context: ContextProvider): PaymentsApi {
  return {
    async 'payments.inspect'({ path, csv }) {
      context(); // a register must be open
      return inspectBankFile(path, csv);
    },
    async 'payments.preview'({ path, csv, limit }) {
      return previewBankFile(context(), path, csv, limit);
    },
    async 'payments.import'({ path, csv, hash }) {
      return importBankFile(context(), path, csv, hash);
    },
    async 'payments.imports'({ limit }) {
      return listImports(context().db, limit);
    },
    async 'payments.review'(q) {
      return reviewList(context(), q);
    },
    async 'payments.candidates'({ query, limit }) {
      return candidates(context(), query, limit);
    },
    async 'payments.assign'(a) {
      const ctx = context();
      return ctx.write(() => assignItem(ctx, a));
    },
    async 'payments.leave'({ itemId, note }) {
      const ctx = context();
      return ctx.write(() => leaveItem(ctx, itemId, note));
    },
    async 'payments.reopen'({ itemId }) {
      const ctx = context();
      return ctx.write(() => reopenItem(ctx, itemId));
    },
    async 'payments.undoImport'({ importId }) {
      const ctx = context();
      return ctx.write(() => {
        importEntity(ctx.db, importId); // not-found first
        return undoImport(ctx, importId);
      });
    },
  };
}

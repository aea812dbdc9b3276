import type { TFunction } from 'i18next';
import { bridge } from '../api';
import { todayIso } from '../bulk/today';

/** Where to save a file the treasurer takes to the bank or the bookkeeping program (null: cancelled). */
export function pickSavePath(t: TFunction, name: string, ext: string, kind: string): Promise<string | null> {
  return bridge.host.pickSavePath({ title: t('treasury.pickSave'), defaultName: `${name} ${todayIso()}.${ext}`, filters: [{ name: kind, extensions: [ext] }] });
}

/** A file from the bank to read. */
export function pickBankFile(t: TFunction): Promise<string | null> {
  return bridge.host.pickOpenPath({ title: t('treasury.pickOpen'), filters: [
      { name: t('treasury.bankFiles'), extensions: ['txt', 'dat', 'ocr', 'bgc', 'asc'] },
      // Banks name these files as they please; the treasurer must be able to pick any.
      { name: t('treasury.allFiles'), extensions: ['*'] },
    ] });
}

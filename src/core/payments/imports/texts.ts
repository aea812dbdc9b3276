import type { Language } from '../../../shared/contract';

/** Notes the core writes on payments it books from a bank file, in the register's language (stored, so they never change). */
export const BANK_IMPORT_TEXTS: Record<Language, { line: (file: string, line: number) => string; excess: (invoice: string) => string; credit: string }> = {
  sv: { line: (f, l) => `${f}, rad ${l}`, excess: (n) => `överskott på faktura ${n}`, credit: 'tillgodo' },
  nb: { line: (f, l) => `${f}, linje ${l}`, excess: (n) => `overskudd på faktura ${n}`, credit: 'til gode' },
  en: { line: (f, l) => `${f}, line ${l}`, excess: (n) => `excess over invoice ${n}`, credit: 'credit' },
};

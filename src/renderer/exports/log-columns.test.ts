import { describe, expect, it } from 'vitest';
import { SEND_OUT_FILE_KINDS } from '../../shared/contract/communication';
import { EXPORT_COLUMNS } from '../../shared/contract/exports';
import exportsStrings from '../i18n/features/exports';

/**
 * The export log's "Columns" cell shows what left the register in words, never a raw key. A
 * send-out's file is logged with its kind as its one column (src/core/communication/export.ts),
 * the send-out plan's calendar as 'plan' (src/core/communication/handlers.ts).
 */
const LOGGED = [...EXPORT_COLUMNS, ...SEND_OUT_FILE_KINDS, 'plan'];

describe('export log columns', () => {
  it('have words in every language', () => {
    for (const lang of ['en', 'sv', 'nb'] as const) {
      const words = (exportsStrings[lang] as { column: Record<string, string> }).column;
      expect(LOGGED.filter((c) => !words[c]?.trim()), lang).toEqual([]);
    }
  });

  it('say “no audience” in words for a screen reader where the table shows a dash', () => {
    for (const lang of ['en', 'sv', 'nb'] as const) {
      expect((exportsStrings[lang] as { log: Record<string, string> }).log.noAudience).toMatch(/\p{L}{3}/u);
    }
  });
});

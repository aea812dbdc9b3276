import { writeFile } from 'node:fs/promises';
import type { SiePreview } from '../../../shared/contract/reports';
import { formatSwedishOrgNumber } from '../../../shared/nordic/identity';
import { KansliError } from '../../../shared/result';
import { readDuesSettings } from '../../dues/settings';
import { targetPath } from '../../exports/file-name';
import { FILE_COLUMNS, logFile } from '../../exports/log-files';
import { conflict } from '../../members/errors';
import { isoDate, type RegisterContext } from '../../register/context';
import { currencyOf, readSettings } from '../../register/settings';
import { readBookkeeping } from './accounts';
import { collectEntries, groupEntries, type Entry } from './entries';
import { readSie } from './read';
import { encodePc8, sieText } from './write';

/** The SIE convention for file names: ".se" (SIE 1–4), ".si" for import files of type 4I. */
const EXT = 'si';

function entriesFor(ctx: RegisterContext, from: string, to: string): Entry[] {
  const s = readBookkeeping(ctx);
  return groupEntries(collectEntries(ctx.db, s, ctx.language, from, to), s.grouping, ctx.language);
}

export function siePreview(ctx: RegisterContext, from: string, to: string): SiePreview {
  const entries = entriesFor(ctx, from, to);
  const by = new Map<string, { number: string; name: string; debit: number; credit: number }>();
  for (const r of entries.flatMap((e) => e.rows)) {
    const a = by.get(r.account.number) ?? { number: r.account.number, name: r.account.name, debit: 0, credit: 0 };
    if (r.amount > 0) a.debit += r.amount;
    else a.credit -= r.amount;
    by.set(r.account.number, a);
  }
  const accounts = [...by.values()].sort((x, y) => x.number.localeCompare(y.number));
  return {
    from,
    to,
    verifications: entries.length,
    accounts,
    debit: accounts.reduce((n, a) => n + a.debit, 0),
    credit: accounts.reduce((n, a) => n + a.credit, 0),
  };
}

/** The whole file's bytes; read back and checked (every verification balances) before anyone sees it. */
export function sieBytes(ctx: RegisterContext, from: string, to: string): { bytes: Buffer; verifications: number; people: number } {
  const entries = entriesFor(ctx, from, to);
  if (!entries.length) throw conflict('nothing-to-book');
  const s = readBookkeeping(ctx);
  const dues = readDuesSettings(ctx);
  const org = ctx.country === 'SE' && dues.orgNumber ? formatSwedishOrgNumber(dues.orgNumber) : dues.orgNumber;
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  const text = sieText(
    {
      program: 'Kansli',
      version: '1.0',
      generatedOn: isoDate(ctx.now()),
      company: dues.associationName || readSettings(ctx.db).associationName,
      orgNumber: org,
      // The fiscal year the verifications fall in: the calendar year, unless the period spans two.
      yearStart: sameYear ? `${from.slice(0, 4)}-01-01` : from,
      yearEnd: sameYear ? `${from.slice(0, 4)}-12-31` : to,
      currency: currencyOf(ctx.country),
      chart: ctx.country === 'SE' ? 'BAS2014' : null,
      series: s.series,
    },
    entries,
  );
  const bytes = encodePc8(text);
  try {
    readSie(bytes);
  } catch (e) {
    throw new KansliError('internal', `SIE self-check failed: ${(e as Error).message}`);
  }
  const people = new Set(entries.flatMap((e) => (e.memberId === undefined ? [] : [e.memberId]))).size;
  return { bytes, verifications: entries.length, people };
}

export async function exportSie(ctx: RegisterContext, from: string, to: string, path: string): Promise<{ path: string; verifications: number }> {
  const target = targetPath(path, EXT);
  const { bytes, verifications, people } = sieBytes(ctx, from, to);
  try {
    await writeFile(target, bytes, { mode: 0o600 });
  } catch (e) {
    throw new KansliError('io', (e as Error).message);
  }
  // Logged even when grouped by day leaves no name in it: it is still the members' dues and payments.
  logFile(ctx, 'bookkeeping', target, { people, columns: people ? FILE_COLUMNS.bookkeeping : ['amount'] });
  return { path: target, verifications };
}

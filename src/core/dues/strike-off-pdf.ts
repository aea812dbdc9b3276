import { writeFile } from 'node:fs/promises';
import type { Language } from '../../shared/contract';
import { KansliError } from '../../shared/result';
import { targetPath } from '../exports/file-name';
import { FILE_COLUMNS, logFile } from '../exports/log-files';
import { tablePdf } from '../exports/member-list-pdf';
import { longDate } from '../exports/texts';
import { isoDate, type RegisterContext } from '../register/context';
import { formatMoney } from './money';
import { readDuesSettings } from './settings';
import { strikeOffProposal } from './strike-off';
import { DUES_TEXTS } from './texts';

/** The strike-off proposal as a list for the board meeting (the members' table PDF of the exports). */
export async function strikeOffPdf(ctx: RegisterContext, year: number, path: string, language: Language | undefined) {
  const lang = language ?? ctx.language;
  const target = targetPath(path, 'pdf');
  const proposal = strikeOffProposal(ctx, year);
  const texts = DUES_TEXTS[lang];
  const data = await tablePdf({
    association: readDuesSettings(ctx).associationName,
    title: texts.strikeOffTitle,
    date: longDate(isoDate(ctx.now()), lang),
    subtitle: texts.strikeOffSubtitle(year, proposal.afterRound, proposal.rows.length),
    header: texts.strikeOffHeader,
    rows: proposal.rows.map((r) => [
      String(r.member.memberNumber),
      `${r.member.lastName}, ${r.member.firstName}`,
      r.invoiceNumbers.join(', '),
      formatMoney(r.owed, lang, proposal.currency),
      String(r.lastRound),
    ]),
    language: lang,
    orientation: 'portrait',
    widths: [55, '*', 90, 80, 60],
  });
  try {
    await writeFile(target, data, { mode: 0o600 });
  } catch (e) {
    throw new KansliError('io', (e as Error).message);
  }
  logFile(ctx, 'strikeOffList', target, { people: proposal.rows.length, columns: FILE_COLUMNS.strikeOffList });
  return { path: target, people: proposal.rows.length };
}

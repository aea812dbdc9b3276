import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Api, Language, SegmentRef } from '../../shared/contract';
import { DEFAULT_EXPORT_COLUMNS, type ExportColumn, type ExportFormat, type ExportKind } from '../../shared/contract/exports';
import { KansliError } from '../../shared/result';
import { isoDate, type ContextProvider, type RegisterContext } from '../register/context';
import { readSettings } from '../register/settings';
import { toCsv } from './csv';
import { cellOf, customFieldNames, headingOf, loadMembers, PHONE_COLUMNS, segmentLabel, type CellContext, type ExportMember } from './data';
import { sanitizeFileName, targetPath } from './file-name';
import { buildLabels, labelsPdf } from './labels-pdf';
import { logExport, readLog } from './log';
import { tablePdf } from './member-list-pdf';
import { entitledToVote } from './roll';
import { paidDuesFor } from '../dues/paid';
import { sql } from '../db/sql';
import { EXPORT_TEXTS, EXTENSION, longDate } from './texts';
import { toVcards } from './vcard';
import { toXlsx } from './xlsx';

type ExportsApi = Pick<Api, Extract<keyof Api, `exports.${string}`>>;

/** Writes the file (private to the user: it holds personal data). */
async function write(path: string, data: string | Buffer): Promise<void> {
  try {
    await writeFile(path, data, { mode: 0o600 });
  } catch (e) {
    throw new KansliError('io', (e as Error).message);
  }
}

interface Setup {
  ctx: RegisterContext;
  language: Language;
  cells: CellContext;
  association: string;
  today: string;
}

function setup(context: ContextProvider, language: Language | undefined): Setup {
  const ctx = context();
  const lang = language ?? ctx.language;
  return {
    ctx,
    language: lang,
    cells: { texts: EXPORT_TEXTS[lang], registerCountry: ctx.country },
    association: readSettings(ctx.db).associationName,
    today: isoDate(ctx.now()),
  };
}

function table(s: Setup, members: ExportMember[], columns: readonly ExportColumn[]) {
  const fields = customFieldNames(s.ctx);
  const header = columns.map((c) => headingOf(c, s.cells, fields));
  const rows = members.map((m) => columns.map((c) => cellOf(m, c, s.cells)));
  return { header, rows };
}

export function createExportsHandlers(context: ContextProvider): ExportsApi {
  /** Writes, logs and answers — the log entry only once the file is on disk. */
  const finish = async (
    s: Setup,
    e: { kind: ExportKind; format: ExportFormat; segment: SegmentRef | undefined; people: number; columns: string[]; path: string; data: string | Buffer },
  ) => {
    const segment = segmentLabel(s.ctx, e.segment);
    await write(e.path, e.data);
    logExport(s.ctx, { kind: e.kind, format: e.format, segment, people: e.people, columns: e.columns, fileName: basename(e.path) });
    return { path: e.path, people: e.people };
  };

  return {
    async 'exports.contactList'({ path, segment, columns, format, language }) {
      const s = setup(context, language);
      const target = targetPath(path, format);
      segmentLabel(s.ctx, segment); // a missing saved segment fails before any work
      const members = loadMembers(s.ctx, segment, { columns });
      const { header, rows } = table(s, members, columns);
      const data =
        format === 'csv'
          ? toCsv(header, rows, s.language, columns.map((c) => (PHONE_COLUMNS.has(c) ? 'phone' : 'text')))
          : await toXlsx(s.cells.texts.kinds.contactList, header, rows);
      return finish(s, { kind: 'contactList', format, segment, people: members.length, columns, path: target, data });
    },

    async 'exports.memberListPdf'({ path, segment, columns, language }) {
      const s = setup(context, language);
      const target = targetPath(path, 'pdf');
      const chosen = columns ?? DEFAULT_EXPORT_COLUMNS;
      const seg = segmentLabel(s.ctx, segment);
      const members = loadMembers(s.ctx, segment, { columns: chosen });
      const { header, rows } = table(s, members, chosen);
      const data = await tablePdf({
        association: s.association,
        title: s.cells.texts.memberList,
        date: longDate(s.today, s.language),
        subtitle: `${seg.name || s.cells.texts.everyone} · ${s.cells.texts.people(members.length)}`,
        header,
        rows,
        language: s.language,
        orientation: 'landscape',
      });
      return finish(s, { kind: 'memberList', format: 'pdf', segment, people: members.length, columns: chosen, path: target, data });
    },

    async 'exports.roll'({ path, segment, on, format, language, paidFor }) {
      const s = setup(context, language);
      const target = targetPath(path, format);
      const seg = segmentLabel(s.ctx, segment);
      const where = paidFor === undefined ? entitledToVote(on) : sql`${entitledToVote(on)} AND ${paidDuesFor(paidFor)}`;
      const members = loadMembers(s.ctx, segment, { where });
      const t = s.cells.texts;
      const header = [t.rollNumber, t.columns.memberNumber, t.name, t.signature];
      const rows = members.map((m, i) => [String(i + 1), String(m.memberNumber), `${m.lastName}, ${m.firstName}`, '']);
      const columns = ['rollNumber', 'memberNumber', 'name', 'signature'];
      const data =
        format === 'csv'
          ? toCsv(header, rows, s.language)
          : await tablePdf({
              association: s.association,
              title: t.roll,
              date: longDate(on, s.language),
              subtitle: [t.rollOn(longDate(on, s.language)), paidFor === undefined ? '' : t.rollPaid(paidFor), seg.name ?? '', t.people(members.length)]
                .filter(Boolean)
                .join(' · '),
              header,
              rows,
              language: s.language,
              orientation: 'portrait',
              widths: [28, 60, '*', 170],
              rowPadding: 7,
            });
      return finish(s, { kind: 'roll', format, segment, people: members.length, columns, path: target, data });
    },

    async 'exports.labels'({ path, segment, sheet, perHousehold, language }) {
      const s = setup(context, language);
      const target = targetPath(path, 'pdf');
      segmentLabel(s.ctx, segment);
      const members = loadMembers(s.ctx, segment, { order: 'postcode' });
      const labels = buildLabels(members, perHousehold, s.ctx.country, s.language);
      const data = await labelsPdf(labels, sheet, s.association, s.language);
      const people = labels.reduce((n, l) => n + l.people, 0);
      const columns = ['name', 'street', 'postcode', 'city', `sheet:${sheet}`, ...(perHousehold ? ['perHousehold'] : [])];
      return finish(s, { kind: 'labels', format: 'pdf', segment, people, columns, path: target, data });
    },

    async 'exports.vcard'({ path, segment, language }) {
      const s = setup(context, language);
      const target = targetPath(path, 'vcf');
      segmentLabel(s.ctx, segment);
      const members = loadMembers(s.ctx, segment);
      const columns = ['firstName', 'lastName', 'mobile', 'email', 'street', 'postcode', 'city', 'country'];
      return finish(s, { kind: 'vcard', format: 'vcf', segment, people: members.length, columns, path: target, data: toVcards(members) });
    },

    async 'exports.defaultName'({ kind, format, segment, on, language }) {
      const s = setup(context, language);
      const seg = segmentLabel(s.ctx, segment);
      const parts = [s.cells.texts.kinds[kind], seg.name, on ?? s.today].filter(Boolean); // an unsaved filter ('') has no name to add
      return { name: `${sanitizeFileName(parts.join(' – '))}.${EXTENSION[format]}` };
    },

    async 'exports.log'({ offset, limit }) {
      return readLog(context().db, offset, limit);
    },
  };
}

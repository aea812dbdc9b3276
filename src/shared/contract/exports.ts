import { z } from 'zod';
import { handler } from './define';
import { MEMBER_EXTRA_COLUMNS } from './members';
import { LANGUAGES } from './register';
import { segmentRefSchema } from './segments';
import { isoDateSchema } from './types';

/** Columns a contact list can hold, in the order offered; custom fields as "custom:<fieldId>". */
export const EXPORT_BASE_COLUMNS = [
  'memberNumber', 'firstName', 'lastName', 'email', 'mobile', 'street', 'postcode', 'city', 'country',
  'membershipType', 'status', 'joinedOn',
] as const;
export const EXPORT_COLUMNS = [
  ...EXPORT_BASE_COLUMNS,
  ...MEMBER_EXTRA_COLUMNS.filter((c) => c !== 'street' && c !== 'country'),
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number] | `custom:${number}`;

/** What the contact list and the printed list show when no columns are chosen. */
export const DEFAULT_EXPORT_COLUMNS: ExportColumn[] = ['memberNumber', 'lastName', 'firstName', 'mobile', 'email', 'street', 'postcode', 'city'];

export const EXPORT_KINDS = ['contactList', 'memberList', 'roll', 'labels', 'vcard'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf', 'vcf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/**
 * Files other screens write that the export log records too: a send-out's SMS, e-mail and letter
 * files; a survey's printed forms, results CSV and board report; dues letters; the strike-off list;
 * the bank's direct-debit files; the treasurer's reports that name members; the SIE bookkeeping file.
 */
export const OTHER_LOGGED_KINDS = [
  'sendOut', 'surveyForms', 'surveyResults', 'surveyReport', 'duesLetters', 'strikeOffList', 'directDebitFile', 'paymentReport', 'bookkeeping',
] as const;
export type LoggedExportKind = ExportKind | (typeof OTHER_LOGGED_KINDS)[number];
/** 'sie': the SIE 4 bookkeeping file (written with the ".si" extension). */
export type LoggedExportFormat = ExportFormat | 'txt' | 'html' | 'ics' | 'sie';
export const LABEL_SHEETS = ['3x8', '2x8'] as const;
export type LabelSheet = (typeof LABEL_SHEETS)[number];

const columnSchema = z.union([z.enum(EXPORT_COLUMNS), z.string().regex(/^custom:\d{1,9}$/)]) as z.ZodType<ExportColumn>;
const columnsSchema = z.array(columnSchema).min(1).max(40);

/**
 * Every export: `path` is the file the user picked (absolute); the core writes there, with the
 * file name sanitised and the extension set, and answers with the path it wrote. `segment`
 * absent = every member who is not archived. `language` = the UI's language: it sets the CSV
 * separator (`;` for sv/nb, `,` for en) and the language of headings; the register's language
 * when absent. Refused: `validation` (field "path": `path-not-absolute`), `io` (could not write).
 */
const common = {
  path: z.string().min(1).max(4096),
  segment: segmentRefSchema.optional(),
  language: z.enum(LANGUAGES).optional(),
};

export interface ExportResult {
  path: string;
  /** How many people are in the file (labels per household: the people the labels cover). */
  people: number;
}

export interface ExportLogEntry {
  id: number;
  at: string;
  kind: LoggedExportKind;
  format: LoggedExportFormat;
  /** Everyone, a saved segment (or a send-out's named audience: a group, roles), or a filter that was not saved. */
  scope: 'everyone' | 'segment' | 'filter';
  segmentId: number | null;
  /** The saved segment's name at the time of the export; null for everyone or an unsaved filter. */
  segmentName: string | null;
  /** How many people the file holds. */
  people: number;
  columns: string[];
  /** The file name only (no folders). */
  fileName: string;
}

export const exportsContract = {
  /** Contact list with the chosen columns: CSV (UTF-8 with BOM, formula-safe) or .xlsx (text cells). */
  'exports.contactList': handler<ExportResult>()(
    z.object({ ...common, columns: columnsSchema, format: z.enum(['csv', 'xlsx']) }),
  ),
  /** Printable member list: A4 landscape table, association and date in the header, page numbers. */
  'exports.memberListPdf': handler<ExportResult>()(z.object({ ...common, columns: columnsSchema.optional() })),
  /**
   * Annual-meeting roll (röstlängd / manntall): members active on `on` whose membership type on
   * that day may vote (within `segment` when given), numbered, with a signature column.
   * `paidFor` (a dues year): only members who have paid that year's dues (src/core/dues/paid.ts).
   */
  'exports.roll': handler<ExportResult>()(
    z.object({ ...common, on: isoDateSchema, format: z.enum(['pdf', 'csv']), paidFor: z.number().int().min(1900).max(2200).optional() }),
  ),
  /** Address labels on A4 sheets, sorted by postcode; one per household when `perHousehold`. Members without an address are left out. */
  'exports.labels': handler<ExportResult>()(
    z.object({ ...common, sheet: z.enum(LABEL_SHEETS), perHousehold: z.boolean().default(false) }),
  ),
  /** vCard 4.0 (.vcf) of the segment, for phones. */
  'exports.vcard': handler<ExportResult>()(z.object(common)),
  /** A sanitised default file name for the save dialog, e.g. "Röstlängd – Styrelsen – 2026-03-01.pdf". */
  'exports.defaultName': handler<{ name: string }>()(
    z.object({
      kind: z.enum(EXPORT_KINDS),
      format: z.enum(EXPORT_FORMATS),
      segment: segmentRefSchema.optional(),
      on: isoDateSchema.optional(),
      language: z.enum(LANGUAGES).optional(),
    }),
  ),
  /** The export log, newest first. */
  'exports.log': handler<{ total: number; entries: ExportLogEntry[] }>()(
    z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
  ),
} as const;

import { z } from 'zod';
import { handler } from './define';
import type { DuplicateReason } from './duplicates';
import { idSchema } from './types';

/**
 * Import from the old register (CSV, .xlsx). The core reads the file from the path the user
 * picked, each call afresh: nothing of the file is kept between calls.
 */

/** The member fields a column can be imported into; also an own field (`custom:<id>`) or a group (`group:<id>`, yes/no). */
export const IMPORT_TARGETS = [
  'firstName', 'lastName', 'birthDate', 'identityNumber', 'street', 'postcode', 'city', 'country',
  'email', 'mobile', 'consentSms', 'consentEmail', 'consentPost', 'joinedOn',
  /** The old register's number, kept for a new member; a number already in the register matches that member. */
  'memberNumber',
] as const;
export type ImportMemberField = (typeof IMPORT_TARGETS)[number];
export type ImportTarget = ImportMemberField | `custom:${number}` | `group:${number}`;
const targetSchema = z.union([z.enum(IMPORT_TARGETS), z.templateLiteral(['custom:', z.number().int()]), z.templateLiteral(['group:', z.number().int()])]);

export const IMPORT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];
export const IMPORT_DELIMITERS = [';', ',', '\t'] as const;
export type ImportDelimiter = (typeof IMPORT_DELIMITERS)[number];

/** What to do with a row that matches a member already in the register. */
export const DUPLICATE_POLICIES = ['skip', 'fillEmpty', 'overwrite', 'create'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

/** Limits, refused with these codes (validation at field "path"): file-too-large, too-many-rows, field-too-long, not-tabular, file-empty. */
export const IMPORT_LIMITS = { maxBytes: 30 * 1024 * 1024, maxRows: 200_000, maxCellChars: 10_000, maxColumns: 200 } as const;

const fileArgs = z.object({
  path: z.string().min(1).max(4096),
  /** Detected when left out. */
  encoding: z.enum(IMPORT_ENCODINGS).optional(),
  delimiter: z.enum(IMPORT_DELIMITERS).optional(),
  /** 1-based: the row holding the column names; detected when left out. */
  headerRow: z.number().int().min(1).max(50).optional(),
});

export interface ImportFileInfo {
  fileName: string;
  format: 'csv' | 'xlsx';
  size: number;
  encoding: ImportEncoding | null;
  delimiter: ImportDelimiter | null;
  headerRow: number;
  headers: string[];
  /** Data rows (after the header row), empty rows not counted. */
  rowCount: number;
  /** The first rows of the file as read, header row included, to choose the header row from. */
  top: string[][];
  /** The first data rows. */
  preview: string[][];
  /** One per column: the field the header suggests, or null. */
  suggested: (ImportTarget | null)[];
}

/** One per column, by position: the field it goes into, or null to leave it out. */
const mappingSchema = z.array(targetSchema.nullable()).max(200);

const planArgs = fileArgs.extend({
  mapping: mappingSchema,
  /** Cells corrected in the preview; `row` as in ImportRowResult. */
  fixes: z.array(z.object({ row: z.number().int().min(1), column: z.number().int().min(0), value: z.string().max(1000) })).max(10_000).default([]),
  /** Rows the user left out. */
  skip: z.array(z.number().int().min(1)).max(200_000).default([]),
  /** For every row that matches a member, unless `decisions` says otherwise for that row. */
  duplicatePolicy: z.enum(DUPLICATE_POLICIES).default('skip'),
  decisions: z.array(z.object({ row: z.number().int().min(1), policy: z.enum(DUPLICATE_POLICIES) })).max(200_000).default([]),
  /** The membership type new members get; none when left out. */
  membershipTypeId: idSchema.nullable().default(null),
  /** Chosen by the window: the checking of the rows reports 'job.progress' events under this id. */
  jobId: z.string().min(1).max(100).optional(),
});

export interface ImportIssue {
  /** The column (0-based) the value came from; null when the problem is the row as a whole. */
  column: number | null;
  field: ImportTarget | null;
  /** An i18n key: under "errors." (member rules) or "import.issues.". */
  code: string;
}

/** Why a row matches a member: the duplicate rules, or the member number kept from the file. */
export type ImportDuplicateReason = DuplicateReason | 'same-member-number';

export interface ImportDuplicate {
  memberId: number;
  memberNumber: number;
  firstName: string;
  lastName: string;
  reasons: ImportDuplicateReason[];
}

export type ImportRowAction = 'create' | 'update' | 'skip' | 'invalid';

export interface ImportRowResult {
  /** 1-based row in the file (as a spreadsheet numbers it, header row included). */
  row: number;
  cells: string[];
  action: ImportRowAction;
  issues: ImportIssue[];
  duplicate: ImportDuplicate | null;
}

export interface ImportPreview {
  total: number;
  create: number;
  update: number;
  skip: number;
  invalid: number;
  duplicates: number;
  /** Rows with problems or duplicates first (up to `limit`), then the first others to fill it. */
  rows: ImportRowResult[];
}

export interface ImportRunEntity {
  id: number;
  at: string;
  fileName: string;
  created: number;
  updated: number;
  skipped: number;
  undoneAt: string | null;
  /** Only the latest change to the register (import or bulk action) can be undone. */
  undoable: boolean;
}

export interface ImportMappingEntity {
  id: number;
  name: string;
  /** Column name (as in the header, trimmed) → field. */
  mapping: Record<string, ImportTarget | null>;
  createdAt: string;
}

export const importsContract = {
  /** Detects encoding, delimiter and header row (each overridable) and suggests a mapping. */
  'import.read': handler<ImportFileInfo>()(fileArgs),
  /** Every row checked; nothing written. */
  'import.preview': handler<ImportPreview>()(planArgs.extend({ limit: z.number().int().min(1).max(5000).default(500) })),
  /**
   * Applies the valid rows in one transaction. Refused: `import-has-invalid-rows` unless
   * `onlyValid`, `nothing-to-import`; `import-register-busy` (conflict) when the register was
   * written to during each of three checks of the rows.
   */
  'import.apply': handler<ImportRunEntity>()(planArgs.extend({ onlyValid: z.boolean().default(false) })),
  /** Refused (conflict): `import-undo-not-latest`, `import-already-undone`, `import-changed-since`. */
  'import.undo': handler<ImportRunEntity>()(z.object({ runId: idSchema })),
  'import.runs': handler<ImportRunEntity[]>()(z.object({ limit: z.number().int().min(1).max(200).default(20) })),
  'import.mappings.save': handler<ImportMappingEntity>()(
    z.object({ name: z.string().trim().min(1).max(100), mapping: z.record(z.string().max(200), targetSchema.nullable()) }),
  ),
  'import.mappings.list': handler<ImportMappingEntity[]>()(z.object({})),
  'import.mappings.delete': handler<{ id: number }>()(z.object({ id: idSchema })),
} as const;

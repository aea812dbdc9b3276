import type { SegmentRef } from '../../shared/contract';
import type { ExportFormat, ExportKind, ExportResult, LabelSheet } from '../../shared/contract/exports';
import { call } from '../api';

/** What the form chose; the one place that maps it onto the contract's handlers. */
export interface ExportChoice {
  kind: ExportKind;
  segment?: SegmentRef;
  columns: string[];
  format: ExportFormat;
  on: string;
  /** Roll: only members who have paid this dues year; undefined = no such condition. */
  paidFor?: number;
  sheet: LabelSheet;
  perHousehold: boolean;
  language: 'sv' | 'nb' | 'en';
}

export const FORMATS: Record<ExportKind, ExportFormat[]> = {
  contactList: ['csv', 'xlsx'],
  memberList: ['pdf'],
  roll: ['pdf', 'csv'],
  labels: ['pdf'],
  vcard: ['vcf'],
};

export function runExport(path: string, c: ExportChoice): Promise<ExportResult> {
  const common = { path, segment: c.segment, language: c.language };
  const columns = c.columns as never;
  switch (c.kind) {
    case 'contactList':
      return call('exports.contactList', { ...common, columns, format: c.format === 'xlsx' ? 'xlsx' : 'csv' });
    case 'memberList':
      return call('exports.memberListPdf', { ...common, columns });
    case 'roll':
      return call('exports.roll', { ...common, on: c.on, paidFor: c.paidFor, format: c.format === 'csv' ? 'csv' : 'pdf' });
    case 'labels':
      return call('exports.labels', { ...common, sheet: c.sheet, perHousehold: c.perHousehold });
    default:
      return call('exports.vcard', common);
  }
}

import type { BankFileInspection, CsvMapping } from '../../../shared/contract/payments';
import { detectFormat, readBankFile, readCsvTable } from '../bank-files/read';
import { suggestColumns } from '../bank-files/csv-report';

/** What the picked file is; a CSV report's columns with the mapping its headers suggest. */
export async function inspectBankFile(path: string, csv: Partial<CsvMapping> | undefined): Promise<BankFileInspection> {
  const file = await readBankFile(path);
  const format = detectFormat(file.bytes);
  if (format !== 'csv') return { fileName: file.name, format, csv: null };
  const { table, headerRow } = await readCsvTable(path, csv ?? {});
  const headers = (table.rows[headerRow - 1] ?? []).map((h) => h.trim());
  return {
    fileName: file.name,
    format,
    csv: {
      encoding: table.encoding,
      delimiter: table.delimiter,
      headerRow,
      headers,
      preview: table.rows.slice(headerRow, headerRow + 5),
      suggested: suggestColumns(headers),
    },
  };
}

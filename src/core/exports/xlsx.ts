import ExcelJS from 'exceljs';

/**
 * A one-sheet .xlsx. Every cell is written as a string (type text, number format "@"), never as a
 * formula: a name like `=HYPERLINK(…)` or a phone number `+46 70…` is stored as the text it is, so
 * Excel neither evaluates it nor turns it into a number. No apostrophe is needed here: in .xlsx
 * the cell type, not the first character, decides.
 */
export async function toXlsx(sheetName: string, header: string[], rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kansli';
  // Sheet names: max 31 characters, none of : \ / ? * [ ].
  const name = sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet1';
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h) => ({ header: h, width: Math.min(40, Math.max(10, h.length + 2)), style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r.map((c) => c ?? ''));
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

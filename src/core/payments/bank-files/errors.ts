import { KansliError } from '../../../shared/result';

/**
 * A refused bank file: `validation` at the field "file" with the 1-based line as text in
 * `details.line`, so the window can say where ("{{line}}"). The same shape and codes as the
 * direct-debit files (src/shared/contract/direct-debit.ts), so the treasurer reads one language
 * for both. Thrown before anything is written: nothing is booked.
 */
export function fileError(code: string, line: number, extra: Record<string, string> = {}): KansliError {
  return new KansliError('validation', `${code} at line ${line}`, { fields: [{ field: 'file', code }], line: String(line), ...extra });
}

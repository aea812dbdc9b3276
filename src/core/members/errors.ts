import { KansliError, validationError } from '../../shared/result';

/** A refusal at one field: `validation` with details.fields = [{ field, code }]. */
export function invalid(field: string, code: string): KansliError {
  return validationError([{ field, code }]);
}

/**
 * A refusal because of the register's state: `conflict` with details.reason (an i18n key), and
 * the field when one is to blame.
 */
export function conflict(reason: string, field?: string, extra: Record<string, unknown> = {}): KansliError {
  return new KansliError('conflict', reason, { reason, ...(field ? { fields: [{ field, code: reason }] } : {}), ...extra });
}

export function notFound(what: string, id: number, field?: string): KansliError {
  return new KansliError('not-found', `No ${what} ${id}`, field ? { fields: [{ field, code: `${what}-not-found` }] } : undefined);
}

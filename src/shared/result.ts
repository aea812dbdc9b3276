/**
 * Every handler answers with a Result: the renderer never sees an exception or a stack trace,
 * only a stable error code it can translate.
 */
export const ERROR_CODES = [
  'validation',
  'wrong-passphrase',
  'wrong-recovery-key',
  'file-damaged',
  'not-a-register',
  'newer-version',
  'kdf-params-refused',
  'locked-by-other',
  'changed-on-disk',
  'save-failed',
  'not-open',
  'not-found',
  'conflict',
  'file-exists',
  'io',
  'cancelled',
  'unknown-handler',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** The field the problem is in, e.g. "identityNumber". */
  field: string;
  /** An i18n key under "errors.", e.g. "personnummer-check-digit". */
  code: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: { fields?: FieldIssue[]; [key: string]: unknown };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside the core; turned into `{ ok: false, error }` at the contract boundary. */
export class KansliError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ApiError['details'],
  ) {
    super(message);
    this.name = 'KansliError';
  }
}

export function isKansliError(e: unknown): e is KansliError {
  return e instanceof KansliError;
}

export function validationError(fields: FieldIssue[]): KansliError {
  return new KansliError('validation', fields.map((f) => `${f.field}: ${f.code}`).join(', '), { fields });
}

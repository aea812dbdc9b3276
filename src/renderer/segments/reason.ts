import type { ApiError } from '../../shared/result';

/**
 * The most specific code of a refusal: the field's code ("group-archived"), else the conflict's
 * reason ("name-in-use"), else the general code ("validation").
 */
export function reasonOf(e: ApiError): string {
  const field = e.details?.fields?.[0]?.code;
  const reason = e.details?.reason;
  return field ?? (typeof reason === 'string' ? reason : e.code);
}

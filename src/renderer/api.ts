import type { HandlerArgs, HandlerName, HandlerResult } from '../shared/contract';
import type { ApiError } from '../shared/result';
import { getBridge } from './bridge';

export const bridge = getBridge();

/** A failed call, carrying the core's stable error code for translation. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** Calls the core through the contract; resolves with the value or throws an ApiFailure. */
export async function call<K extends HandlerName>(name: K, args: HandlerArgs<K>): Promise<HandlerResult<K>> {
  const result = await bridge.invoke(name, args);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
}

export function errorOf(e: unknown): ApiError {
  return e instanceof ApiFailure ? e.error : { code: 'internal', message: String(e) };
}

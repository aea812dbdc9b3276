import type { z } from 'zod';
import { contract, type Api, type HandlerName } from '../shared/contract';
import { isKansliError, type Result } from '../shared/result';

/** A zod issue as one of our translatable field codes. Refinements carry their code as message. */
function issueCode(i: z.core.$ZodIssue): string {
  switch (i.code) {
    case 'custom':
      return /^[a-z0-9-]+$/.test(i.message) ? i.message : 'invalid-value';
    case 'too_small':
      return i.origin === 'string' && i.minimum === 1 ? 'required' : 'too-small';
    case 'too_big':
      return i.origin === 'string' ? 'too-long' : 'too-big';
    case 'invalid_format':
      return 'invalid-format';
    case 'invalid_type':
      return 'invalid-type';
    default:
      return 'invalid-value';
  }
}

/**
 * The contract boundary: validate the arguments with the handler's zod schema, call the core,
 * and turn any failure into a stable error code. Main's IPC, the browser-preview bridge, the
 * tests and the bench all call through here.
 */
export async function dispatch(api: Api, name: string, rawArgs: unknown): Promise<Result<unknown>> {
  if (!Object.prototype.hasOwnProperty.call(contract, name)) {
    return { ok: false, error: { code: 'unknown-handler', message: `No handler named ${name}` } };
  }
  const spec = contract[name as HandlerName];
  const parsed = spec.args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'validation',
        message: 'The request was not valid.',
        details: {
          fields: parsed.error.issues.map((i) => ({ field: i.path.join('.'), code: issueCode(i) })),
        },
      },
    };
  }
  try {
    const fn = api[name as HandlerName] as (args: unknown) => Promise<unknown>;
    return { ok: true, value: await fn(parsed.data) };
  } catch (e) {
    if (isKansliError(e)) return { ok: false, error: { code: e.code, message: e.message, details: e.details } };
    // Unexpected: log for the developer, say nothing internal to the window.
    console.error(`[kansli] ${name} failed:`, e);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Kansli.' } };
  }
}

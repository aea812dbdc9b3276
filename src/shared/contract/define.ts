import type { z } from 'zod';

/**
 * One entry of the contract: the zod schema of the arguments (checked in main / the bridge before
 * the core sees them) and, as a phantom type, what the handler returns.
 */
export interface HandlerSpec<A extends z.ZodType, R> {
  readonly args: A;
  readonly __result?: R;
}

/** `handler<MemberEntity>()(z.object({ id: z.number() }))` */
export const handler =
  <R>() =>
  <A extends z.ZodType>(args: A): HandlerSpec<A, R> => ({ args });

export type AnySpec = HandlerSpec<z.ZodType, unknown>;
export type SpecMap = Record<string, AnySpec>;

export type ArgsOf<S> = S extends HandlerSpec<infer A, unknown> ? z.input<A> : never;
export type ParsedArgsOf<S> = S extends HandlerSpec<infer A, unknown> ? z.output<A> : never;
export type ResultOf<S> = S extends HandlerSpec<z.ZodType, infer R> ? R : never;

/** Joins the domains' contracts; a name declared twice is a compile error and a start-up error. */
export function joinContracts<A extends SpecMap, B extends SpecMap>(
  a: A,
  b: B & { [K in keyof B]: K extends keyof A ? never : B[K] },
): A & B {
  for (const name of Object.keys(b)) {
    if (name in a) throw new Error(`Contract handler declared twice: ${name}`);
  }
  return { ...a, ...b };
}

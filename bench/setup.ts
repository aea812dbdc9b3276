import { join } from 'node:path';
import { memberInputSchema, type MemberInput } from '../src/shared/contract';
import { dispatch } from '../src/core/dispatch';
import { createCore, type Core } from '../src/core/index';
import { insertMember, validated } from '../src/core/members/writes';
import type { RegisterContext } from '../src/core/register/context';
import type { KdfParams } from '../src/core/vault/kdf';
import { syntheticMember } from './members';

export const BENCH_PASSPHRASE = 'blå spårvagn sju sjöar';
/** A fixed "today" for benches whose data depends on the date (journey stages, segments). */
export const BENCH_NOW = () => new Date('2025-06-15T10:00:00Z');

export interface BenchRegister {
  core: Core;
  ctx: RegisterContext;
  path: string;
  /** Through the contract boundary, as the window calls; throws on an error result. */
  call(name: string, args: unknown): Promise<never>;
}

/** A new register in `dir`, opened by a core of its own that never saves on its own. */
export async function benchRegister(
  dir: string,
  opts: { fileName?: string; associationName?: string; now?: () => Date; kdf?: KdfParams } = {},
): Promise<BenchRegister> {
  const core = await createCore({ configDir: join(dir, 'config'), emit: () => undefined, saveDebounceMs: 3_600_000, now: opts.now, kdf: opts.kdf });
  const call = async (name: string, args: unknown) => {
    const r = await dispatch(core.api, name, args);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.details)}`);
    return r.value as never;
  };
  const path = join(dir, opts.fileName ?? 'Bench.kansli');
  await call('register.create', { path, associationName: opts.associationName ?? 'Bench', country: 'SE', language: 'sv', passphrase: BENCH_PASSPHRASE });
  return { core, ctx: core.context(), path, call };
}

/**
 * Members 0 … n−1 through the core's own insert path in one transaction: the same rows a user's
 * form would write, without 100,000 contract round trips.
 */
export function seedMembers(ctx: RegisterContext, n: number, extra: (i: number) => Partial<MemberInput> = () => ({})): void {
  ctx.write(() => {
    for (let i = 0; i < n; i++) insertMember(ctx, validated(ctx, memberInputSchema.parse({ ...syntheticMember(i), ...extra(i) })));
  });
}

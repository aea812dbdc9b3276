import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventMap, EventName, HandlerArgs, HandlerName, HandlerResult } from '../shared/contract';
import { dispatch } from './dispatch';
import { createCore, type Core } from './index';

/** Cheap Argon2id settings for tests whose subject is not the KDF. */
export const TEST_KDF = { memoryKiB: 8192, iterations: 1, parallelism: 1 };

export interface TestCore {
  core: Core;
  dir: string;
  events: { event: EventName; payload: EventMap[EventName] }[];
  /** Calls through the contract boundary, like the window does; throws on an error result. */
  call<K extends HandlerName>(name: K, args: HandlerArgs<K>): Promise<HandlerResult<K>>;
  /** The raw result, for tests of failures. */
  result(name: HandlerName, args: unknown): ReturnType<typeof dispatch>;
  dispose(): Promise<void>;
}

export async function testCore(options: { now?: () => Date; saveDebounceMs?: number } = {}): Promise<TestCore> {
  const dir = await mkdtemp(join(tmpdir(), 'kansli-test-'));
  const events: TestCore['events'] = [];
  const core = await createCore({
    configDir: join(dir, 'config'),
    emit: (event, payload) => events.push({ event, payload }),
    kdf: TEST_KDF,
    saveDebounceMs: options.saveDebounceMs ?? 10_000,
    now: options.now,
  });
  const result = (name: HandlerName, args: unknown) => dispatch(core.api, name, args);
  return {
    core,
    dir,
    events,
    result,
    async call(name, args) {
      const r = await result(name, args);
      if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.code} ${r.error.message}`), { error: r.error });
      return r.value as never;
    },
    async dispose() {
      await core.shutdown().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A new register with the given members, opened. */
export async function registerWith(t: TestCore, country: 'SE' | 'NO' = 'SE') {
  return t.call('register.create', {
    path: join(t.dir, 'Föreningen.kansli'),
    associationName: 'Föreningen Ödegård',
    country,
    language: country === 'NO' ? 'nb' : 'sv',
    passphrase: 'blå spårvagn sju sjöar',
  });
}

/** A fixed "today" for tests of dated rules. */
export const TODAY = '2025-06-15';
export const fixedNow = () => new Date(`${TODAY}T10:00:00Z`);

/** Fields fails as { field: code } from a failed result, for compact assertions. */
export function fieldCodes(r: Awaited<ReturnType<TestCore['result']>>): Record<string, string> | string {
  if (r.ok) return 'ok';
  const fields = r.error.details?.fields;
  if (!fields?.length) return r.error.code + (r.error.details?.reason ? ':' + String(r.error.details.reason) : '');
  return Object.fromEntries(fields.map((f) => [f.field, f.code]));
}

/** A register opened on a fixed day, with `n` simple members (ids returned). */
export async function registerOn(n = 0): Promise<{ t: TestCore; ids: number[] }> {
  const t = await testCore({ now: fixedNow });
  await registerWith(t);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const m = await t.call('members.create', { country: 'SE', firstName: `F${i}`, lastName: `L${i}`, joinedOn: '2020-01-01', membershipTypeId: 1 });
    ids.push(m.id);
  }
  return { t, ids };
}

/** Resolves once `condition()` holds, checked every 5 ms (for work that finishes on another thread). */
export function until(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (!condition()) return;
      clearInterval(timer);
      resolve();
    }, 5);
  });
}

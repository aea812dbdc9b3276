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

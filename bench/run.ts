/**
 * `npm run bench`: the figures the issues name, as JSON lines, each beside a reference measured
 * in the same run (raw sql.js, raw export + AES-GCM) so our layers' overhead shows as a ratio.
 * Sizes: BENCH_MEMBERS (default 100,000).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db } from '../src/core/db/database';
import { searchTokens } from '../src/core/members/search';
import { DEFAULT_KDF, deriveKey, KDF_BOUNDS } from '../src/core/vault/kdf';
import { syntheticMember } from './members';
import { BENCH_PASSPHRASE, benchRegister } from './setup';
import { percentile, report, time } from './stats';

const N = Number(process.env.BENCH_MEMBERS ?? 100_000);
const CHEAPEST_KDF = { memoryKiB: KDF_BOUNDS.memoryKiB.min, iterations: KDF_BOUNDS.iterations.min, parallelism: KDF_BOUNDS.parallelism.min };

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'kansli-bench-'));
  // The cheapest Argon2id the vault accepts, so that opening measures what follows the key
  // rather than the key's own (separately measured, deliberately slow) derivation.
  const { core, ctx, call, path } = await benchRegister(dir, { kdf: CHEAPEST_KDF });
  try {
    // Through the contract one by one, as the form creates members: this figure is that path's.
    const seeded = await time(async () => {
      for (let i = 0; i < N; i++) await call('members.create', syntheticMember(i));
    });
    report({ name: 'seed.members.create', members: N, ms: seeded.ms, perMemberMs: seeded.ms / N });

    // --- search as you type -------------------------------------------------------------
    const typed = ['a', 'an', 'and', 'ande', 'anders', 'o', 'od', 'ode', 'odeg', 'odegard', 'as', 'asa', 'umea', '070', '0701', '07010', 'kari tromso', 'maja 12', 'x', 'zz'];
    // Warm the caches the way a user's first keystroke would.
    await call('members.list', { search: 'warm', limit: 100 });
    const ours: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const q of typed) {
        const t = await time(() => call('members.list', { search: q + (round ? ' ' : ''), limit: 100 }));
        ours.push(t.ms);
      }
    }
    // Reference: the same searches as bare sql.js queries on a copy of the database.
    await call('register.save', {}); // the first save of the seeded register, not measured
    const bytes = ctx.db.export();
    const ref = await Db.create(bytes);
    const refTimes: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const q of typed) {
        const tokens = searchTokens(q);
        const where = tokens.map(() => 'instr(search_text, ?) > 0').join(' AND ') || '1';
        const t = await time(() => ref.column({ text: `SELECT id FROM members WHERE archived_at IS NULL AND ${where} ORDER BY sort_last, sort_first, id`, params: tokens }));
        refTimes.push(t.ms);
      }
    }
    report({ name: 'members.search.p95', members: N, ms: percentile(ours, 95), limitMs: 30, referenceMs: percentile(refTimes, 95), reference: 'bare sql.js query, same tokens', p50: percentile(ours, 50) });

    // Scrolling: windows of an already-sorted list.
    const scroll: number[] = [];
    for (let offset = 0; offset < Math.min(N, 20_000); offset += 2_000) {
      scroll.push((await time(() => call('members.list', { offset, limit: 100 }))).ms);
    }
    report({ name: 'members.scroll.window.p95', members: N, ms: percentile(scroll, 95), note: 'page of 100 rows from the cached order' });

    // --- save --------------------------------------------------------------------------
    const saves: number[] = [];
    for (let i = 0; i < 7; i++) {
      await call('members.update', { id: 1 + i, input: syntheticMember(i + 7) });
      saves.push((await time(() => call('register.save', {}))).ms);
    }
    const refSave = await time(() => {
      const b = ref.export();
      const key = randomBytes(32);
      const c = createCipheriv('aes-256-gcm', key, randomBytes(12));
      c.update(b);
      c.final();
      return b.length;
    });
    report({ name: 'register.save', members: N, ms: percentile(saves, 50), limitMs: 400, referenceMs: refSave.ms, reference: 'bare export() + AES-256-GCM', bytes: refSave.value });

    // --- open after the key is derived -------------------------------------------------
    await call('register.close', {});
    const kdf = await time(() => deriveKey(BENCH_PASSPHRASE, randomBytes(16), DEFAULT_KDF));
    const cheapKdf = await time(() => deriveKey(BENCH_PASSPHRASE, randomBytes(16), CHEAPEST_KDF));
    const opens: number[] = [];
    for (let i = 0; i < 3; i++) {
      opens.push((await time(() => call('register.open', { path, secret: { passphrase: BENCH_PASSPHRASE } }))).ms);
      await call('register.close', {});
    }
    const openAfterKey = percentile(opens, 50) - cheapKdf.ms;
    const key = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const sealed = Buffer.concat([cipher.update(bytes), cipher.final()]);
    const tag = cipher.getAuthTag();
    const refOpen = await time(async () => {
      const d = createDecipheriv('aes-256-gcm', key, iv);
      d.setAuthTag(tag);
      const plain = Buffer.concat([d.update(sealed), d.final()]);
      const db = await Db.create(plain);
      db.column({ text: 'SELECT count(*) FROM members', params: [] });
      db.close();
    });
    report({ name: 'register.open.afterKey', members: N, ms: openAfterKey, limitMs: 500, referenceMs: refOpen.ms, reference: 'bare AES-256-GCM decrypt + sql.js load + count', kdfMs: kdf.ms, note: 'kdfMs: Argon2id at the default parameters, paid once before this' });
    ref.close();
  } finally {
    await core.shutdown().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

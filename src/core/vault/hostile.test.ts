/**
 * security.md's hostile cases 1–10 against the byte format. Argon2's hashRaw is wrapped in a spy
 * (still the real function) so "refused before any passphrase work" is proven by a call count.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashRaw } from '@node-rs/argon2';
import { KansliError } from '../../shared/result';
import { checkIntegrity, generateRecoveryKey, RegisterFile, sealNew, unseal, type Secret } from './index';

vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...real, hashRaw: vi.fn(real.hashRaw) };
});
const kdfCalls = () => vi.mocked(hashRaw).mock.calls.length;

const KDF = { memoryKiB: 8192, iterations: 1, parallelism: 1 };
const PASS = 'korrekt häst batteri häftklammer';
const CHUNK = 1024 * 1024;

// ------------------------------------------------------------ helpers: surgery on a sealed file

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();
const headerEnd = (b: Buffer) => 14 + b.readUInt32BE(10);
const payloadStart = (b: Buffer) => headerEnd(b) + 32;
/** Recomputes the header hash (after editing the envelope) and the whole-file hash. */
function rehash(b: Buffer, which: { header?: boolean } = {}): Buffer {
  if (which.header) sha256(b.subarray(0, headerEnd(b))).copy(b, headerEnd(b));
  sha256(b.subarray(0, b.length - 32)).copy(b, b.length - 32);
  return b;
}
/** Cuts the trailer off, edits the body, puts a correct trailer back on. */
function withBody(b: Buffer, edit: (body: Buffer) => Buffer): Buffer {
  const body = edit(Buffer.from(b.subarray(0, b.length - 32)));
  return Buffer.concat([body, sha256(body)]);
}
/** Rewrites the header JSON; header hash and whole-file hash recomputed. */
interface HeaderJson {
  kdf: Record<string, unknown>;
  slots: { passphrase: { wrapped: string } };
}
function withHeader(b: Buffer, edit: (h: HeaderJson) => void): Buffer {
  const h = JSON.parse(b.toString('utf8', 14, headerEnd(b))) as HeaderJson;
  edit(h);
  const json = Buffer.from(JSON.stringify(h));
  const prefix = Buffer.alloc(14);
  b.copy(prefix, 0, 0, 10);
  prefix.writeUInt32BE(json.length, 10);
  const head = Buffer.concat([prefix, json]);
  const body = Buffer.concat([head, sha256(head), b.subarray(payloadStart(b), b.length - 32)]);
  return Buffer.concat([body, sha256(body)]);
}

async function code(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof KansliError) return e.code;
    throw e;
  }
  throw new Error('expected a KansliError, nothing was thrown');
}

// ------------------------------------------------------------ fixtures

let small: { bytes: Buffer; plaintext: Buffer; recoveryKey: string };
/** 2.5 chunks: two full chunks and a half one. */
let multi: { bytes: Buffer; plaintext: Buffer };
let dir: string;

beforeAll(async () => {
  const recoveryKey = generateRecoveryKey();
  const plaintext = randomBytes(5000);
  small = { bytes: (await sealNew(plaintext, { passphrase: PASS, recoveryKey, kdf: KDF })).bytes, plaintext, recoveryKey };
  const big = randomBytes(CHUNK * 2 + CHUNK / 2);
  multi = { bytes: (await sealNew(big, { passphrase: PASS, recoveryKey, kdf: KDF })).bytes, plaintext: big };
  dir = await mkdtemp(join(tmpdir(), 'kansli-hostile-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
// (A block body: a function returned from beforeEach would be run as its teardown.)
beforeEach(() => {
  vi.mocked(hashRaw).mockClear();
});

describe('security.md hostile cases 1–10', () => {
  it('the fixtures open, so every failure below is caused by the tampering', async () => {
    expect((await unseal(small.bytes, { passphrase: PASS })).plaintext.equals(small.plaintext)).toBe(true);
    expect((await unseal(multi.bytes, { passphrase: PASS })).plaintext.equals(multi.plaintext)).toBe(true);
    expect(kdfCalls()).toBe(2);
  });

  it('1. wrong passphrase → wrong-passphrase, and the file is untouched', async () => {
    const path = join(dir, 'case1.kansli');
    await writeFile(path, small.bytes);
    const before = await stat(path);
    expect(await code(RegisterFile.open(path, { passphrase: 'fel lösenord' }))).toBe('wrong-passphrase');
    expect((await readFile(path)).equals(small.bytes)).toBe(true);
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs);
    expect(await readdir(dir)).toEqual(['case1.kansli']); // no lock, no temp left behind
    expect(await code(unseal(small.bytes, { passphrase: '' }))).toBe('wrong-passphrase');
  });

  it('2. NFC and NFD spellings of the same passphrase both open', async () => {
    const nfc = 'Blåbärssylt på Ødegård'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const { bytes } = await sealNew(Buffer.from('x'), { passphrase: nfd, recoveryKey: generateRecoveryKey(), kdf: KDF });
    expect((await unseal(bytes, { passphrase: nfc })).plaintext.toString()).toBe('x');
    expect((await unseal(bytes, { passphrase: nfd })).plaintext.toString()).toBe('x');
  });

  it('3. one bit flipped in the header → file-damaged before any passphrase work', async () => {
    for (const at of [9, 12, 20, headerEnd(small.bytes) - 3, headerEnd(small.bytes) + 5]) {
      const b = Buffer.from(small.bytes);
      b[at] ^= 0x04;
      for (const secret of [{ passphrase: PASS }, { recoveryKey: small.recoveryKey }] as Secret[]) {
        expect(await code(unseal(b, secret))).toBe('file-damaged');
      }
      expect(await code(() => checkIntegrity(b))).toBe('file-damaged');
    }
    const path = join(dir, 'case3.kansli');
    const b = Buffer.from(small.bytes);
    b[30] ^= 1;
    await writeFile(path, b);
    expect(await code(RegisterFile.open(path, { passphrase: PASS }))).toBe('file-damaged');
    expect(kdfCalls()).toBe(0);
  });

  it('4. one bit flipped in the payload → file-damaged (before the KDF; and after it with the hash recomputed)', async () => {
    const b = Buffer.from(multi.bytes);
    b[payloadStart(b) + CHUNK + 77] ^= 0x80;
    expect(await code(unseal(b, { passphrase: PASS }))).toBe('file-damaged');
    expect(kdfCalls()).toBe(0);
    // Someone who also fixes the whole-file hash is caught by the chunk's authentication tag.
    expect(await code(unseal(rehash(b), { passphrase: PASS }))).toBe('file-damaged');
    expect(kdfCalls()).toBe(1);
    // A flipped bit in the trailer itself.
    const t = Buffer.from(small.bytes);
    t[t.length - 1] ^= 1;
    expect(await code(unseal(t, { passphrase: PASS }))).toBe('file-damaged');
  });

  it('5. truncated at 0, inside the magic, mid-header, and at a chunk boundary (hashes recomputed) → file-damaged', async () => {
    expect(await code(unseal(Buffer.alloc(0), { passphrase: PASS }))).toBe('file-damaged');
    expect(await code(unseal(small.bytes.subarray(0, 5), { passphrase: PASS }))).toBe('file-damaged');
    expect(await code(unseal(small.bytes.subarray(0, 40), { passphrase: PASS }))).toBe('file-damaged');
    expect(await code(unseal(small.bytes.subarray(0, headerEnd(small.bytes) + 10), { passphrase: PASS }))).toBe('file-damaged');
    expect(kdfCalls()).toBe(0);
    // Drop the last chunk: the remaining two are intact and authentic, but the new last one was
    // not sealed as the last, so the cut is detected.
    const boundary = payloadStart(multi.bytes) + 2 * (CHUNK + 16);
    const cut = withBody(multi.bytes, (body) => body.subarray(0, boundary));
    expect(await code(unseal(cut, { passphrase: PASS }))).toBe('file-damaged');
    const cutOne = withBody(multi.bytes, (body) => body.subarray(0, payloadStart(multi.bytes) + CHUNK + 16));
    expect(await code(unseal(cutOne, { passphrase: PASS }))).toBe('file-damaged');
  });

  it('6. appended bytes → file-damaged (after the trailer; before it with the hash recomputed; a whole extra chunk)', async () => {
    expect(await code(unseal(Buffer.concat([small.bytes, Buffer.from('extra')]), { passphrase: PASS }))).toBe('file-damaged');
    const junk = withBody(small.bytes, (body) => Buffer.concat([body, randomBytes(100)]));
    expect(await code(unseal(junk, { passphrase: PASS }))).toBe('file-damaged');
    const start = payloadStart(multi.bytes);
    const extraChunk = withBody(multi.bytes, (body) => Buffer.concat([body, body.subarray(start, start + CHUNK + 16)]));
    expect(await code(unseal(extraChunk, { passphrase: PASS }))).toBe('file-damaged');
  });

  it('7. chunks reordered (hashes recomputed) → file-damaged', async () => {
    const start = payloadStart(multi.bytes);
    const n = CHUNK + 16;
    const swapped = withBody(multi.bytes, (body) =>
      Buffer.concat([body.subarray(0, start), body.subarray(start + n, start + 2 * n), body.subarray(start, start + n), body.subarray(start + 2 * n)]),
    );
    expect(swapped.length).toBe(multi.bytes.length);
    expect(await code(unseal(swapped, { passphrase: PASS }))).toBe('file-damaged');
  });

  it('8. huge (or absurdly small) KDF parameters (hashes recomputed) → kdf-params-refused without deriving', async () => {
    const hostile: Record<string, number>[] = [
      { memoryKiB: 2 ** 32 - 1 },
      { memoryKiB: 4 * 1024 * 1024 },
      { iterations: 1e9 },
      { parallelism: 255 },
      { memoryKiB: 1024 * 1024, iterations: 64 },
      { memoryKiB: 1e300 },
      { memoryKiB: 1.5 },
      { memoryKiB: 8 },
      { iterations: 0 },
      { parallelism: 0 },
    ];
    const rssBefore = process.memoryUsage().rss;
    for (const edit of hostile) {
      const b = withHeader(small.bytes, (h) => Object.assign(h.kdf, edit));
      expect(await code(unseal(b, { passphrase: PASS })), JSON.stringify(edit)).toBe('kdf-params-refused');
      expect(await code(() => checkIntegrity(b))).toBe('kdf-params-refused');
    }
    expect(await code(unseal(withHeader(small.bytes, (h) => (h.kdf.id = 'scrypt')), { passphrase: PASS }))).toBe('kdf-params-refused');
    expect(kdfCalls()).toBe(0);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(256 * 1024 * 1024);
    // The edit itself is sound: with sane parameters the same surgery reaches the KDF.
    const sane = withHeader(small.bytes, (h) => (h.kdf.iterations = 2));
    expect(await code(unseal(sane, { passphrase: PASS }))).toBe('wrong-passphrase');
    expect(kdfCalls()).toBe(1);
  });

  it('9. newer format version → newer-version ("needs a newer Kansli"); a flipped version bit alone is damage', async () => {
    const b = Buffer.from(small.bytes);
    b.writeUInt16BE(2, 8);
    const err = await unseal(rehash(b, { header: true }), { passphrase: PASS }).catch((e) => e);
    expect(err.code).toBe('newer-version');
    expect(err.message).toMatch(/newer Kansli/);
    const flipped = Buffer.from(small.bytes);
    flipped[9] ^= 2;
    expect(await code(unseal(flipped, { passphrase: PASS }))).toBe('file-damaged');
    expect(kdfCalls()).toBe(0);
  });

  it('10. a plain SQLite file, a PNG, a text file, random bytes → not-a-register', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run('create table members(id integer primary key, name text)');
    const sqlite = Buffer.from(db.export());
    db.close();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200)]);
    for (const bytes of [sqlite, png, Buffer.from('namn;telefon\nAnna;+4670\n'), randomBytes(4096)]) {
      const err = await unseal(bytes, { passphrase: PASS }).catch((e) => e);
      expect(err.code).toBe('not-a-register');
    }
    const path = join(dir, 'members.sqlite');
    await writeFile(path, sqlite);
    expect(await code(RegisterFile.open(path, { passphrase: PASS }))).toBe('not-a-register');
    expect(kdfCalls()).toBe(0);
  });

  it('a damaged key slot (hashes recomputed) reads as a wrong secret, never as success', async () => {
    const b = withHeader(small.bytes, (h) => {
      const w = Buffer.from(h.slots.passphrase.wrapped, 'base64');
      w[0] ^= 1;
      h.slots.passphrase.wrapped = w.toString('base64');
    });
    expect(await code(unseal(b, { passphrase: PASS }))).toBe('wrong-passphrase');
    // The recovery slot is untouched, but the payload is bound to the original header hash.
    expect(await code(unseal(b, { recoveryKey: small.recoveryKey }))).toBe('file-damaged');
  });
});

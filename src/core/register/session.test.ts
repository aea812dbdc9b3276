import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventMap } from '../../shared/contract';
import { KansliError } from '../../shared/result';
import { Db } from '../db/database';
import { migrate } from '../db/migrations';
import { sql } from '../db/sql';
import type { RegisterFile } from '../vault';
import { Session } from './session';

/** A register file whose saves fail while `failWith` is set, and which records what it was given. */
function fakeFile() {
  const file = {
    path: '/tmp/Förening.kansli',
    unlockedBy: 'passphrase' as const,
    failWith: null as KansliError | null,
    saved: [] as Uint8Array[],
    async save(bytes: Uint8Array) {
      if (file.failWith) throw file.failWith;
      file.saved.push(bytes);
    },
    async close() {},
  };
  return file;
}

async function session() {
  const db = await Db.create();
  migrate(db);
  db.exec('CREATE TABLE notes (text TEXT)');
  const file = fakeFile();
  const events: EventMap['register.saveState'][] = [];
  const s = new Session(file as unknown as RegisterFile, db, (_e, p) => events.push(p as EventMap['register.saveState']), 1000, () => new Date());
  return { s, db, file, events };
}

const note = (s: Session, text: string) => s.write(() => s.db.run(sql`INSERT INTO notes (text) VALUES (${text})`));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Session saving', () => {
  it('saves once, shortly after a burst of changes', async () => {
    const { s, file, events } = await session();
    note(s, 'a');
    note(s, 'b');
    expect(s.info().saveState).toBe('pending');
    await vi.advanceTimersByTimeAsync(999);
    expect(file.saved).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(file.saved).toHaveLength(1);
    expect(s.info().saveState).toBe('saved');
    expect(events.map((e) => e.state)).toEqual(['pending', 'pending', 'saving', 'saved']);
  });

  it('a failed save says why, keeps the changes, and retries until it succeeds', async () => {
    const { s, db, file } = await session();
    file.failWith = new KansliError('save-failed', 'ENOSPC: no space left on device');
    note(s, 'kept');
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.info().saveState).toBe('failed');
    expect(s.info().saveError).toEqual({ code: 'save-failed', message: 'ENOSPC: no space left on device' });
    expect(db.column(sql`SELECT count(*) FROM notes`)).toEqual([1]);

    await vi.advanceTimersByTimeAsync(30_000); // still failing: still failed, still kept
    expect(s.info().saveState).toBe('failed');
    file.failWith = null;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(s.info().saveState).toBe('saved');
    expect(file.saved).toHaveLength(1);
    const reopened = await Db.create(file.saved[0]);
    expect(reopened.column<string>(sql`SELECT text FROM notes`)).toEqual(['kept']);
  });

  it('a file changed by someone else is not retried: the user must choose', async () => {
    const { s, file } = await session();
    file.failWith = new KansliError('changed-on-disk', 'changed');
    note(s, 'x');
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.info().saveError?.code).toBe('changed-on-disk');
    file.failWith = null;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(file.saved).toHaveLength(0);
    expect(s.info().saveState).toBe('failed');
  });

  it('closing forces the save, and refuses to close when it fails, so nothing is lost', async () => {
    const { s, file } = await session();
    note(s, 'x');
    file.failWith = new KansliError('save-failed', 'EROFS');
    await expect(s.close()).rejects.toMatchObject({ code: 'save-failed' });
    expect(s.info().saveState).toBe('failed');
    file.failWith = null;
    await s.close();
    expect(file.saved).toHaveLength(1);
  });
});

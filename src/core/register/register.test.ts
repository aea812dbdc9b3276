import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerWith, testCore, type TestCore } from '../test-support';

let t: TestCore;
beforeEach(async () => {
  t = await testCore();
});
afterEach(() => t.dispose());

const PASS = 'blå spårvagn sju sjöar';
const errorCode = async (p: ReturnType<TestCore['result']>) => {
  const r = await p;
  return r.ok ? 'ok' : r.error.code;
};

describe('register handlers', () => {
  it('create a .kansli file, list it among the recent ones by path only, and refuse to overwrite a file', async () => {
    const created = await t.call('register.create', { path: join(t.dir, 'Förening'), associationName: 'Förening', country: 'NO', language: 'nb', passphrase: PASS });
    expect(created.info.path).toBe(join(t.dir, 'Förening.kansli'));
    expect(created.info.currency).toBe('NOK');
    expect(existsSync(created.info.path)).toBe(true);
    const recent = await t.call('register.recent', {});
    expect(recent.map((r) => r.path)).toEqual([created.info.path]);
    const config = readdirSync(join(t.dir, 'config')).map((f) => readFileSync(join(t.dir, 'config', f), 'utf8')).join('');
    expect(config).not.toContain(PASS);
    expect(config).not.toContain(created.recoveryKey);
    await t.call('register.close', {});
    expect(await errorCode(t.result('register.create', { path: created.info.path, associationName: 'X', country: 'SE', language: 'sv', passphrase: PASS }))).toBe('file-exists');
  });

  it('lock: the register is closed and saved; a wrong passphrase is refused, the right one opens', async () => {
    const { info } = await registerWith(t);
    await t.call('members.create', { country: 'SE', firstName: 'Åsa', lastName: 'Öberg' });
    await t.call('register.lock', { reason: 'user' });
    expect(t.events.some((e) => e.event === 'register.locked')).toBe(true);
    expect(await errorCode(t.result('members.list', {}))).toBe('not-open');
    const before = readFileSync(info.path);
    expect(await errorCode(t.result('register.open', { path: info.path, secret: { passphrase: 'fel' } }))).toBe('wrong-passphrase');
    expect(readFileSync(info.path).equals(before)).toBe(true);
    await t.call('register.open', { path: info.path, secret: { passphrase: PASS.normalize('NFD') } });
    expect((await t.call('members.list', {})).total).toBe(1);
  });

  it('after opening with the recovery key, a new passphrase replaces the forgotten one', async () => {
    const { info, recoveryKey } = await registerWith(t);
    await t.call('register.lock', { reason: 'user' });
    const opened = await t.call('register.open', { path: info.path, secret: { recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' ') } });
    expect(opened.openedWithRecoveryKey).toBe(true);
    const reset = await t.call('register.resetPassphrase', { next: 'nya vårens fem kaffekoppar' });
    expect(reset.openedWithRecoveryKey).toBe(false);
    await t.call('register.lock', { reason: 'user' });
    expect(await errorCode(t.result('register.open', { path: info.path, secret: { passphrase: PASS } }))).toBe('wrong-passphrase');
    await t.call('register.open', { path: info.path, secret: { passphrase: 'nya vårens fem kaffekoppar' } });
  });

  it('reset without the recovery key is refused; a passphrase change needs the current one', async () => {
    await registerWith(t);
    expect(await errorCode(t.result('register.resetPassphrase', { next: 'nya vårens fem kaffekoppar' }))).toBe('validation');
    expect(await errorCode(t.result('register.changePassphrase', { current: 'fel', next: 'nya vårens fem kaffekoppar' }))).toBe('wrong-passphrase');
  });

  it('a restored backup is a new file beside the register; nothing is overwritten', async () => {
    const { info } = await registerWith(t);
    await t.call('members.create', { country: 'SE', firstName: 'A', lastName: 'B' });
    await t.call('register.save', {});
    const [backup] = (await t.call('register.backups', { path: info.path })).filter((b) => b.verified);
    expect(backup).toBeDefined();
    const target = join(t.dir, 'Återställd.kansli');
    expect((await t.call('register.restoreBackup', { backupPath: backup.path, targetPath: target })).path).toBe(target);
    expect(await errorCode(t.result('register.restoreBackup', { backupPath: backup.path, targetPath: info.path }))).toBe('file-exists');
  });

  it('a file that is not a register is refused as such', async () => {
    const path = join(t.dir, 'bilder.kansli');
    writeFileSync(path, Buffer.from('SQLite format 3\0 and then some'));
    expect(await errorCode(t.result('register.open', { path, secret: { passphrase: PASS } }))).toBe('not-a-register');
  });

  it('the recovery sheet is written as a PDF where asked', async () => {
    const { recoveryKey } = await registerWith(t);
    const { path } = await t.call('register.writeRecoverySheet', { path: join(t.dir, 'blad'), recoveryKey });
    expect(path.endsWith('blad.pdf')).toBe(true);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

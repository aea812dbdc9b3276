import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecentRegister } from '../../shared/contract';

const MAX = 10;

/** Recently opened registers: paths and times only, never a secret. Kept in the app's config folder. */
export class RecentList {
  constructor(private readonly configDir: string) {}

  private get file() {
    return join(this.configDir, 'recent.json');
  }

  private async read(): Promise<{ path: string; openedAt: string }[]> {
    try {
      const data = JSON.parse(await readFile(this.file, 'utf8'));
      return Array.isArray(data)
        ? data.filter((e) => typeof e?.path === 'string' && typeof e?.openedAt === 'string').slice(0, MAX)
        : [];
    } catch {
      return []; // missing or unreadable: start afresh rather than fail the welcome screen
    }
  }

  private async write(entries: { path: string; openedAt: string }[]) {
    await mkdir(this.configDir, { recursive: true });
    const tmp = this.file + '.tmp';
    await writeFile(tmp, JSON.stringify(entries, null, 1), { mode: 0o600 });
    await rename(tmp, this.file);
  }

  async list(): Promise<RecentRegister[]> {
    return (await this.read()).map((e) => ({ ...e, exists: existsSync(e.path) }));
  }

  async touch(path: string, when: Date): Promise<void> {
    const rest = (await this.read()).filter((e) => e.path !== path);
    await this.write([{ path, openedAt: when.toISOString() }, ...rest].slice(0, MAX));
  }

  async forget(path: string): Promise<RecentRegister[]> {
    await this.write((await this.read()).filter((e) => e.path !== path));
    return this.list();
  }
}

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One row of shared/reference/vectors.json. */
export interface Vector {
  input: Record<string, unknown>;
  expected: unknown;
}

/**
 * The rows of one section of shared/reference/vectors.json, for tests.
 * shared/reference sits beside the repository (locally /work/shared, in CI beside the clone).
 * Throws if the file cannot be found or the section is missing or empty.
 */
export function vectorsOf(section: string): Vector[] {
  const candidates = [
    resolve(process.cwd(), '../shared/reference/vectors.json'),
    resolve(fileURLToPath(import.meta.url), '../../../../shared/reference/vectors.json'),
  ];
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new Error(`vectors.json not found; looked in ${candidates.join(', ')}`);
  const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Vector[]>;
  const rows = all[section];
  if (!rows?.length) throw new Error(`section ${section} missing from vectors.json`);
  return rows;
}

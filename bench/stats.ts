import { performance } from 'node:perf_hooks';

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** One JSON line per figure: what, how long, the limit from the issue, and a reference beside it. */
export function report(line: { name: string; ms: number; limitMs?: number; referenceMs?: number; reference?: string; [k: string]: unknown }) {
  const out: Record<string, unknown> = { ...line, ms: round(line.ms) };
  if (line.referenceMs !== undefined) {
    out.referenceMs = round(line.referenceMs);
    out.ratio = round(line.ms / Math.max(line.referenceMs, 0.001));
  }
  if (line.limitMs !== undefined) out.withinLimit = line.ms <= line.limitMs;
  console.log(JSON.stringify(out));
}

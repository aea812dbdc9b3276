/** At most one progress event per step of 1 % … */
const MIN_FRACTION = 0.01;
/** … or per this many milliseconds, whichever comes first, so a slow job still shows movement. */
const MIN_INTERVAL_MS = 100;

export interface Progress {
  (done: number): void;
  /** Always emits done = total (the bar ends full even when the last step was throttled). */
  finish(): void;
}

/**
 * Throttles progress reports for the window: thousands of letters must not mean thousands of
 * IPC messages, yet the bar must move smoothly and end at 100 %. Emits when `done` moved by
 * ≥ 1 % of `total` or ≥ 100 ms passed since the last emit; never emits the same or a smaller
 * `done` twice.
 */
export function progressThrottle(total: number, emit: (done: number, total: number) => void, now: () => number = () => performance.now()): Progress {
  let lastDone = -1;
  let lastAt = -Infinity;
  const step = Math.max(1, Math.floor(total * MIN_FRACTION));
  const report = (done: number, force: boolean) => {
    const d = Math.max(0, Math.min(total, done));
    if (d <= lastDone) return;
    const t = now();
    if (!force && d - lastDone < step && t - lastAt < MIN_INTERVAL_MS) return;
    lastDone = d;
    lastAt = t;
    emit(d, total);
  };
  const progress = ((done: number) => report(done, false)) as Progress;
  progress.finish = () => report(total, true);
  return progress;
}

import { describe, expect, it } from 'vitest';
import { progressThrottle } from './progress';

describe('progressThrottle', () => {
  it('reports at most every 1 % or 100 ms, never backwards, and always ends at the total', () => {
    let clock = 0;
    const seen: number[] = [];
    const p = progressThrottle(1000, (done, total) => {
      expect(total).toBe(1000);
      seen.push(done);
    }, () => clock);
    for (let i = 0; i <= 995; i++) p(i); // no time passes: steps of 10 (1 %)
    expect(seen[0]).toBe(0);
    expect(seen.every((d, i) => i === 0 || d - seen[i - 1] >= 10)).toBe(true);
    expect(seen.length).toBe(100);
    clock = 150;
    p(996); // 100 ms passed: reported even though less than 1 % moved
    p(500); // backwards: ignored
    p.finish();
    p.finish();
    expect(seen.slice(-2)).toEqual([996, 1000]);
  });
});

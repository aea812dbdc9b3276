import { describe, expect, it } from 'vitest';
import { activeSpans, roleProblem } from './rules';

describe('role periods', () => {
  const spans = activeSpans([
    { status: 'active', on: '2015-01-01' },
    { status: 'left', on: '2019-12-31' },
    { status: 'active', on: '2021-03-01' },
  ]);

  it('membership spans follow the life cycle', () => {
    expect(spans).toEqual([{ from: '2015-01-01', to: '2019-12-31' }, { from: '2021-03-01', to: null }]);
  });

  it('accepts a role inside a span, refuses reversed, overlapping, or outside membership', () => {
    expect(roleProblem({ from: '2016-01-01', to: '2016-12-31' }, [], spans)).toBeNull();
    expect(roleProblem({ from: '2022-01-01', to: null }, [{ from: '2016-01-01', to: '2016-12-31' }], spans)).toBeNull();
    expect(roleProblem({ from: '2016-12-31', to: '2016-01-01' }, [], spans)?.code).toBe('date-range-reversed');
    expect(roleProblem({ from: '2016-06-01', to: null }, [{ from: '2016-01-01', to: '2016-12-31' }], spans)?.code).toBe('role-period-overlap');
    expect(roleProblem({ from: '2020-06-01', to: null }, [], spans)?.code).toBe('member-not-active-at-date');
    expect(roleProblem({ from: '2019-01-01', to: null }, [], spans)).toEqual({ field: 'to', code: 'member-left-before-end' });
    expect(roleProblem({ from: '2014-01-01', to: '2015-06-01' }, [], spans)?.code).toBe('member-not-active-at-date');
  });

  it('periods touching end to start overlap (both ends inclusive); the next day does not', () => {
    const prev = [{ from: '2016-01-01', to: '2016-12-31' }];
    expect(roleProblem({ from: '2016-12-31', to: '2017-12-31' }, prev, spans)?.code).toBe('role-period-overlap');
    expect(roleProblem({ from: '2017-01-01', to: '2017-12-31' }, prev, spans)).toBeNull();
  });
});

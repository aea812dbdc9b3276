import { describe, expect, it } from 'vitest';
import { en } from './en';
import { allFeatureStrings } from './features';
import { nb } from './nb';
import { sv } from './sv';

/** Every key path of a strings object ("members.columns.city"), for comparing languages. */
function keys(o: unknown, prefix = ''): string[] {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)).sort();
}

function emptyValues(o: unknown, prefix = ''): string[] {
  if (typeof o === 'string') return o.trim() ? [] : [prefix];
  if (typeof o !== 'object' || o === null) return [];
  return Object.entries(o).flatMap(([k, v]) => emptyValues(v, `${prefix}.${k}`));
}

describe('translations', () => {
  it('Swedish and Norwegian have every English key, and no empty text', () => {
    expect(keys(sv)).toEqual(keys(en));
    expect(keys(nb)).toEqual(keys(en));
    expect([...emptyValues(en), ...emptyValues(sv), ...emptyValues(nb)]).toEqual([]);
  });

  it('every feature has the same keys in all three languages', () => {
    for (const f of allFeatureStrings()) {
      expect(keys(f.sv), `${f.key} sv`).toEqual(keys(f.en));
      expect(keys(f.nb), `${f.key} nb`).toEqual(keys(f.en));
      expect([...emptyValues(f.en), ...emptyValues(f.sv), ...emptyValues(f.nb)], f.key).toEqual([]);
      expect(Object.keys(en), `${f.key} must not replace a shared key`).not.toContain(f.key);
    }
  });
});

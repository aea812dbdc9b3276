import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';

// The real api module connects to the host when loaded; only errorOf is needed here.
vi.mock('../api', () => ({ errorOf: () => ({ code: 'internal', message: 'thrown' }) }));
const { errorText } = await import('./ErrorAlert');

const t = i18next.createInstance();
await t.init({
  lng: 'en',
  resources: {
    en: {
      translation: {
        errors: { validation: 'Correct the fields.', conflict: 'Try again.', 'too-long': 'Too long.', internal: 'Went wrong.' },
        setup: { errors: { 'option-in-use': 'Option “{{option}}” is used.', 'name-in-use': 'Name taken.' } },
      },
    },
  },
});

describe('errorText', () => {
  it("tries the feature's code, the shared specific code, the general code, then internal", () => {
    const field = (code: string) => ({ code: 'validation' as const, message: '', details: { fields: [{ field: 'name', code }] } });
    expect(errorText(t.t, { code: 'conflict', message: '', details: { reason: 'name-in-use' } }, 'setup')).toBe('Name taken.');
    expect(errorText(t.t, field('too-long'), 'setup')).toBe('Too long.');
    expect(errorText(t.t, field('unheard-of'), 'setup')).toBe('Correct the fields.');
    expect(errorText(t.t, 'not-a-code')).toBe('Went wrong.');
    expect(errorText(t.t, new Error('boom'))).toBe('Went wrong.');
  });

  it("fills the message from the details' text", () => {
    const e = { code: 'conflict' as const, message: '', details: { reason: 'option-in-use', option: 'XL', count: 3 } };
    expect(errorText(t.t, e, 'setup')).toBe('Option “XL” is used.');
  });
});

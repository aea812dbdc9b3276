// The application menu, with Electron faked: its words follow the system language, Lock locks,
// and a packaged app has no reload or developer tools.
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => {
  const state = { preferred: [] as string[], locale: 'en-US', template: [] as unknown[] };
  const electron = {
    app: {
      getPreferredSystemLanguages: vi.fn(() => state.preferred),
      getLocale: vi.fn(() => state.locale),
      getVersion: vi.fn(() => '0.1.0'),
      setAboutPanelOptions: vi.fn(),
    },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => {
        state.template = template;
        return { template };
      }),
      setApplicationMenu: vi.fn(),
    },
  };
  return { state, electron };
});

vi.mock('electron', () => h.electron);

const { installMenu } = await import('./menu');

function install(preferred: string[], locale = 'en-US', dev = false) {
  h.state.preferred = preferred;
  h.state.locale = locale;
  const lock = vi.fn();
  installMenu({ lock }, dev);
  expect(h.electron.Menu.setApplicationMenu).toHaveBeenCalledWith({ template: h.state.template });
  const template = h.state.template as MenuItemConstructorOptions[];
  const items = template.flatMap((m) => (m.submenu as MenuItemConstructorOptions[]) ?? []);
  return { lock, template, items, top: template.map((m) => m.label) };
}

afterEach(() => vi.clearAllMocks());

describe('menu language', () => {
  it.each([
    [['sv-SE', 'en-US'], 'en-US', ['Arkiv', 'Redigera', 'Hjälp'], 'Lås registret'],
    [['sv'], 'en-US', ['Arkiv', 'Redigera', 'Hjälp'], 'Lås registret'],
    [['nb-NO'], 'en-US', ['Fil', 'Rediger', 'Hjelp'], 'Lås registeret'],
    [['no'], 'en-US', ['Fil', 'Rediger', 'Hjelp'], 'Lås registeret'],
    [['nn-NO'], 'en-US', ['Fil', 'Rediger', 'Hjelp'], 'Lås registeret'],
    [['en-GB', 'sv-SE'], 'sv-SE', ['File', 'Edit', 'Help'], 'Lock register'],
    [['de-DE'], 'sv-SE', ['File', 'Edit', 'Help'], 'Lock register'],
    [[], 'sv-SE', ['Arkiv', 'Redigera', 'Hjälp'], 'Lås registret'],
    [[], 'nb', ['Fil', 'Rediger', 'Hjelp'], 'Lås registeret'],
  ])('system %j (locale %s) gives %j', (preferred, locale, top, lockLabel) => {
    const m = install(preferred, locale);
    expect(m.top).toEqual(top);
    expect(m.items.find((i) => i.accelerator === 'CmdOrCtrl+L')?.label).toBe(lockLabel);
  });
});

describe('menu actions', () => {
  it('Lock calls the lock action, once per click', () => {
    const m = install(['en-US']);
    const lock = m.items.find((i) => i.label === 'Lock register');
    expect(lock?.accelerator).toBe('CmdOrCtrl+L');
    expect(m.lock).not.toHaveBeenCalled();
    (lock?.click as () => void)();
    expect(m.lock).toHaveBeenCalledTimes(1);
  });

  it('keeps the Edit roles (copy/paste in text fields) and hides reload/devtools unless dev', () => {
    const prod = install(['en-US']);
    expect(prod.items.map((i) => i.role)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit']));
    expect(prod.items.map((i) => i.role)).not.toContain('toggleDevTools');
    expect(prod.items.map((i) => i.role)).not.toContain('reload');
    const dev = install(['en-US'], 'en-US', true);
    expect(dev.items.map((i) => i.role)).toContain('toggleDevTools');
  });
});

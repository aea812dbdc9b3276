import { app, Menu, type MenuItemConstructorOptions } from 'electron';

// The menu's words in the three languages; the menu follows the system's language, as native
// menus do (the window follows the register's).
const LABELS = {
  en: { file: 'File', lock: 'Lock register', quit: 'Quit Kansli', edit: 'Edit', view: 'View', reload: 'Reload', devTools: 'Developer tools', help: 'Help', about: 'About Kansli', undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select all', unsaved: 'Your latest changes could not be saved', unsavedDetail: 'If you quit now they are lost. Stay to see why, try again, or save the register as a copy.', stay: 'Stay in Kansli', quitAnyway: 'Quit without saving' },
  sv: { file: 'Arkiv', lock: 'Lås registret', quit: 'Avsluta Kansli', edit: 'Redigera', view: 'Visa', reload: 'Läs in igen', devTools: 'Utvecklarverktyg', help: 'Hjälp', about: 'Om Kansli', undo: 'Ångra', redo: 'Gör om', cut: 'Klipp ut', copy: 'Kopiera', paste: 'Klistra in', selectAll: 'Markera allt', unsaved: 'Dina senaste ändringar kunde inte sparas', unsavedDetail: 'Om du avslutar nu går de förlorade. Stanna för att se varför, försöka igen eller spara registret som en kopia.', stay: 'Stanna kvar i Kansli', quitAnyway: 'Avsluta utan att spara' },
  nb: { file: 'Fil', lock: 'Lås registeret', quit: 'Avslutt Kansli', edit: 'Rediger', view: 'Vis', reload: 'Last inn på nytt', devTools: 'Utviklerverktøy', help: 'Hjelp', about: 'Om Kansli', undo: 'Angre', redo: 'Gjør om', cut: 'Klipp ut', copy: 'Kopier', paste: 'Lim inn', selectAll: 'Merk alt', unsaved: 'De siste endringene dine kunne ikke lagres', unsavedDetail: 'Hvis du avslutter nå, går de tapt. Bli for å se hvorfor, prøve igjen eller lagre registeret som en kopi.', stay: 'Bli i Kansli', quitAnyway: 'Avslutt uten å lagre' },
} as const;

/** The shell's own words (menu, the quit dialog) in the system's language. */
export function shellTexts() {
  return LABELS[menuLanguage()];
}

function menuLanguage(): keyof typeof LABELS {
  const lang = (app.getPreferredSystemLanguages()[0] ?? app.getLocale()).toLowerCase();
  if (lang.startsWith('sv')) return 'sv';
  if (lang.startsWith('nb') || lang.startsWith('no') || lang.startsWith('nn')) return 'nb';
  return 'en';
}

export interface MenuActions {
  lock(): void;
}

/** A small, fixed menu: the Edit roles are what make copy/paste and undo work in text fields. */
export function installMenu(actions: MenuActions, dev: boolean): void {
  app.setAboutPanelOptions({ applicationName: 'Kansli', applicationVersion: app.getVersion() });
  const l = LABELS[menuLanguage()];

  const view: MenuItemConstructorOptions[] = dev
    ? [
        { label: l.reload, role: 'reload' },
        { label: l.devTools, role: 'toggleDevTools' },
      ]
    : [];

  const template: MenuItemConstructorOptions[] = [
    {
      label: l.file,
      submenu: [
        { label: l.lock, accelerator: 'CmdOrCtrl+L', click: () => actions.lock() },
        { type: 'separator' },
        { label: l.quit, role: 'quit' },
      ],
    },
    {
      label: l.edit,
      submenu: [
        { label: l.undo, role: 'undo' },
        { label: l.redo, role: 'redo' },
        { type: 'separator' },
        { label: l.cut, role: 'cut' },
        { label: l.copy, role: 'copy' },
        { label: l.paste, role: 'paste' },
        { label: l.selectAll, role: 'selectAll' },
      ],
    },
    ...(view.length ? [{ label: l.view, submenu: view }] : []),
    { label: l.help, submenu: [{ label: l.about, role: 'about' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

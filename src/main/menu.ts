import { app, Menu, type MenuItemConstructorOptions } from 'electron';

// Every label of the menu in one place, so translating it later touches this object only.
const LABELS = {
  file: 'File',
  lock: 'Lock register',
  quit: 'Quit Kansli',
  edit: 'Edit',
  view: 'View',
  reload: 'Reload',
  devTools: 'Developer tools',
  help: 'Help',
  about: 'About Kansli',
} as const;

export interface MenuActions {
  lock(): void;
}

/** A small, fixed menu: the Edit roles are what make copy/paste and undo work in text fields. */
export function installMenu(actions: MenuActions, dev: boolean): void {
  app.setAboutPanelOptions({ applicationName: 'Kansli', applicationVersion: app.getVersion() });

  const view: MenuItemConstructorOptions[] = dev
    ? [
        { label: LABELS.reload, role: 'reload' },
        { label: LABELS.devTools, role: 'toggleDevTools' },
      ]
    : [];

  const template: MenuItemConstructorOptions[] = [
    {
      label: LABELS.file,
      submenu: [
        { label: LABELS.lock, accelerator: 'CmdOrCtrl+L', click: () => actions.lock() },
        { type: 'separator' },
        { label: LABELS.quit, role: 'quit' },
      ],
    },
    {
      label: LABELS.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    ...(view.length ? [{ label: LABELS.view, submenu: view }] : []),
    { label: LABELS.help, submenu: [{ label: LABELS.about, role: 'about' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

import type { EventMap, EventName, Invoke } from './contract';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * What the window gets from its host: the contract's invoke/on, and the few things only the host
 * can do (native file dialogs). Electron's preload and the browser-preview client both provide it
 * as `window.kansli`.
 */
export interface KansliBridge {
  kind: 'electron' | 'preview';
  invoke: Invoke;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  host: {
    /** Where to save a new file; null when the user cancels. */
    pickSavePath(options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
    /** Which file to open; null when the user cancels. */
    pickOpenPath(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
    /** Which folder to write into (the dialog may create one); null when the user cancels. */
    pickFolder(options: { title: string }): Promise<string | null>;
    /** Shows a written file in the system's file manager (no-op in the preview). */
    showInFolder(path: string): Promise<void>;
  };
}

/** Names of the IPC channels between preload and main. */
export const IPC = {
  invoke: 'kansli:invoke',
  event: 'kansli:event',
  pickSavePath: 'kansli:pick-save-path',
  pickOpenPath: 'kansli:pick-open-path',
  pickFolder: 'kansli:pick-folder',
  showInFolder: 'kansli:show-in-folder',
} as const;

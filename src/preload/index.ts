import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, type KansliBridge } from '../shared/bridge';
import type { EventMap, EventName, Invoke } from '../shared/contract';

// Sandboxed preload: it only turns the bridge's calls into IPC messages. The page never gets
// ipcRenderer, the IPC event object (its `sender` would reach ipcRenderer) or any Node API.

interface EventMessage {
  event: EventName;
  payload: unknown;
}

const bridge: KansliBridge = {
  kind: 'electron',
  invoke: ((name: string, args: unknown) => ipcRenderer.invoke(IPC.invoke, name, args)) as Invoke,
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
    const handler = (_e: IpcRendererEvent, message: EventMessage) => {
      if (message?.event === event) listener(message.payload as EventMap[E]);
    };
    ipcRenderer.on(IPC.event, handler);
    return () => {
      ipcRenderer.removeListener(IPC.event, handler);
    };
  },
  host: {
    pickSavePath: (options) => ipcRenderer.invoke(IPC.pickSavePath, options),
    pickOpenPath: (options) => ipcRenderer.invoke(IPC.pickOpenPath, options),
    pickFolder: (options) => ipcRenderer.invoke(IPC.pickFolder, options),
    showInFolder: async (path) => {
      await ipcRenderer.invoke(IPC.showInFolder, path);
    },
  },
};

contextBridge.exposeInMainWorld('kansli', bridge);

/**
 * The preload: the only bridge between the sandboxed page and main. It exposes named
 * functions (built by createApi over IPC), never ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import type { ChannelOutput } from '@shared/ipc/contract'
import { createApi, type Transport } from '@shared/ipc/create-api'
import type { Result } from '@shared/ipc/result'
import { wireChannel } from '@shared/ipc/wire'

const transport: Transport = {
  invoke: (channel, input) =>
    ipcRenderer.invoke(wireChannel(channel), input) as Promise<Result<ChannelOutput<typeof channel>>>,
  subscribe: (event, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) =>
      listener(payload as Parameters<typeof listener>[0])
    ipcRenderer.on(wireChannel(event), forward)
    return () => void ipcRenderer.removeListener(wireChannel(event), forward)
  }
}

export const api = createApi(transport)

contextBridge.exposeInMainWorld('api', api)
// A dropped file's path: the sandboxed page cannot read it from the File itself.
contextBridge.exposeInMainWorld('desktop', { pathForFile: (file: File) => webUtils.getPathForFile(file) })

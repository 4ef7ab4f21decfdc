import type { RendererApi } from '../shared/ipc/contract'

declare global {
  interface Window {
    /** Installed by the preload (desktop) or by the bridge client (browser mode). */
    api: RendererApi
    /** Desktop only: what the preload adds beyond the IPC contract. */
    desktop?: { readonly pathForFile: (file: File) => string }
  }
}

export {}

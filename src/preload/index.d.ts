import type { RendererApi } from '../shared/ipc/contract'

declare global {
  interface Window {
    /** Installed by the preload (desktop) or by the bridge client (browser mode). */
    api: RendererApi
  }
}

export {}

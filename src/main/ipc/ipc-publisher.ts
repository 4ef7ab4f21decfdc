import type { WebContents } from 'electron'
import type { Publish } from '@shared/ipc/contract'
import { wireChannel } from '@shared/ipc/wire'

/** Push events to the app window, if it is still there. */
export function ipcPublisher(target: () => WebContents | undefined): Publish {
  return (event, payload) => {
    const contents = target()
    if (contents && !contents.isDestroyed()) contents.send(wireChannel(event), payload)
  }
}

import type { WebContents } from 'electron'
import { wireChannel } from '@shared/ipc/wire'
import type { Publish } from './publisher'

/** Push events to the app window, if it is still there. */
export function ipcPublisher(target: () => WebContents | undefined): Publish {
  return (event, payload) => {
    const contents = target()
    if (contents && !contents.isDestroyed()) contents.send(wireChannel(event), payload)
  }
}

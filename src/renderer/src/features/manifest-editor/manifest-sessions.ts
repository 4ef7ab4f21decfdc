/**
 * Main watches a manifest from `openManifest` until `closeManifest`. A remount (React's strict
 * mode, a quick tab switch) must not close the watch the new mount relies on, so the close
 * waits a tick and is cancelled when the same path is held again.
 */
import { api } from '../../lib/api'

const holders = new Map<string, number>()
const closing = new Map<string, ReturnType<typeof setTimeout>>()

export function holdManifest(path: string): void {
  holders.set(path, (holders.get(path) ?? 0) + 1)
  const timer = closing.get(path)
  if (timer !== undefined) {
    clearTimeout(timer)
    closing.delete(path)
  }
}

export function releaseManifest(path: string): void {
  const left = (holders.get(path) ?? 1) - 1
  if (left > 0) {
    holders.set(path, left)
    return
  }
  holders.delete(path)
  closing.set(
    path,
    setTimeout(() => {
      closing.delete(path)
      api.closeManifest({ path }).catch(() => undefined)
    }, 0)
  )
}

/**
 * Watches single files for changes made outside the app (an editor, git checkout, cargo add),
 * through chokidar: editors that save by rename and writes that land in pieces are both
 * reported once, when the file is whole again.
 */
import { watch, type FSWatcher } from 'chokidar'

export interface FileWatcher {
  watch(path: string, onChange: () => void): () => Promise<void>
}

export const chokidarWatcher: FileWatcher = {
  watch(path, onChange) {
    const watcher: FSWatcher = watch(path, {
      ignoreInitial: true,
      atomic: true,
      awaitWriteFinish: { stabilityThreshold: 60, pollInterval: 20 }
    })
    watcher.on('change', onChange)
    watcher.on('add', onChange)
    return () => watcher.close()
  }
}

/**
 * The local paths in a drop onto the window. The desktop app reads a dropped file's path
 * through the preload; file managers also put `file://` URLs in `text/uri-list`, which is all
 * a browser page gets, so that works in browser mode as well.
 */
export interface DropData {
  readonly files: ArrayLike<File>
  getData(format: string): string
}

function pathOfFileUrl(url: string): string | undefined {
  try {
    const u = new URL(url)
    if (u.protocol !== 'file:' || (u.host !== '' && u.host !== 'localhost')) return undefined
    const path = decodeURIComponent(u.pathname)
    // file:///C:/x is C:/x on Windows.
    return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path
  } catch {
    return undefined
  }
}

export function droppedPaths(data: DropData, pathForFile?: (file: File) => string): string[] {
  const fromFiles = pathForFile
    ? Array.from(data.files)
        .map((f) => pathForFile(f))
        .filter((p) => p !== '')
    : []
  if (fromFiles.length > 0) return fromFiles
  return data
    .getData('text/uri-list')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map(pathOfFileUrl)
    .filter((p): p is string => p !== undefined)
}

/** Whether a drag carries something that may be a path (checked again on drop). */
export function mayHoldPaths(types: readonly string[]): boolean {
  return types.includes('Files') || types.includes('text/uri-list')
}

/**
 * Where the build server's socket lives: one socket per user, per build of the app, and per
 * what a build inherits from its process rather than its environment (the home and temporary
 * folders, the umask), in a folder only that user may enter. Without such a folder (Windows, a
 * foreign-owned /tmp entry, a parent others may rename it in, a path too long for a socket)
 * there is no server and the CLI builds in its own process.
 */
import { createHash } from 'node:crypto'
import { lstatSync, mkdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export interface ServerPlace {
  readonly dir: string
  readonly socket: string
}

// sun_path holds 108 bytes on Linux and 104 on macOS, terminator included.
const MAX_SOCKET_PATH = 100

/**
 * `entry` is the CLI bundle's entry file: its size and time name the app's build, so a rebuilt
 * or upgraded app never talks to a server still running the old code.
 */
export function serverPlace(entry: string, env: NodeJS.ProcessEnv): ServerPlace | undefined {
  const uid = process.getuid?.()
  if (process.platform === 'win32' || uid === undefined) return undefined
  const base = env.XDG_RUNTIME_DIR
    ? join(env.XDG_RUNTIME_DIR, 'crate-studio')
    : join(tmpdir(), `crate-studio-${uid}`)
  if (!privateDir(base, uid)) return undefined
  let code: string
  try {
    const s = statSync(entry, { bigint: true })
    code = `${entry}:${s.size}:${s.mtimeNs}`
  } catch {
    return undefined
  }
  // The server keeps HOME and TMPDIR from the client that started it, and one umask for all.
  const inherited = [env.HOME ?? '', env.TMPDIR ?? '', String(currentUmask())]
  const id = createHash('sha256')
    .update([code, process.execPath, process.version, ...inherited].join('\0'))
    .digest('hex')
    .slice(0, 16)
  const socket = join(base, `${id}.sock`)
  return Buffer.byteLength(socket) > MAX_SOCKET_PATH ? undefined : { dir: base, socket }
}

/** The process's umask, read without changing it for more than an instant. */
function currentUmask(): number {
  const mask = process.umask(0o022)
  process.umask(mask)
  return mask
}

/**
 * True when `path` is (or now is) a real folder owned by `uid` that nobody else may enter, in a
 * parent (owned by `uid` or root) nobody else may rename it in: shared and sticky, as /tmp, is fine.
 */
function privateDir(path: string, uid: number): boolean {
  try {
    const parent = statSync(dirname(path))
    const othersMayWrite = (parent.mode & 0o022) !== 0
    if ((parent.uid !== uid && parent.uid !== 0) || (othersMayWrite && (parent.mode & 0o1000) === 0))
      return false
  } catch {
    return false
  }
  try {
    mkdirSync(path, { mode: 0o700 })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return false
  }
  try {
    const s = lstatSync(path)
    return s.isDirectory() && s.uid === uid && (s.mode & 0o077) === 0
  } catch {
    return false
  }
}

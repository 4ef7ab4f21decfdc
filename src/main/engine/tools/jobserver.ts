/**
 * A GNU make jobserver, as cargo runs one: a named pipe holding `jobs - 1` tokens, handed to
 * rustc (for its codegen threads) through `CARGO_MAKEFLAGS`. Without it each rustc makes its own
 * pool as large as the machine, so two parallel rustc calls on two cores ran four and more
 * threads. Build scripts do not get it: they pass it on to make, which before 4.4 does not
 * know the `fifo:` form.
 *
 * The job queue itself only counts units against `-j` and takes no tokens: measured on the
 * real-crates bench (-j 2), racing rustc for tokens left cores idle (1.35× cargo's clean build),
 * while this split matched cargo (0.97–1.05×). Unix only; elsewhere rustc keeps its default.
 */
import { randomUUID } from 'node:crypto'
import { closeSync, constants, existsSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadExeca } from './lazy-modules'

export interface Jobserver {
  /** Variables that hand the jobserver to rustc and build scripts. */
  readonly env: Readonly<Record<string, string>>
  /** The FIFO's path, removed by `close`. */
  readonly path: string
  /** This process's read-write descriptor, which keeps the pipe and its tokens alive. */
  readonly fd: number
  close(): void
}

export async function createJobserver(jobs: number): Promise<Jobserver | undefined> {
  if (process.platform === 'win32' || jobs < 1) return undefined
  const path = join(tmpdir(), `crate-studio-jobserver-${randomUUID()}`)
  const { execa } = await loadExeca()
  const made = await execa('mkfifo', ['-m', '600', path], { reject: false })
  if (made.exitCode !== 0) return undefined
  // Read-write and non-blocking: opening never waits for a peer, and this process keeps the
  // pipe alive (tokens in a FIFO vanish when its last holder closes it).
  const fd = openSync(path, constants.O_RDWR | constants.O_NONBLOCK)
  if (jobs > 1) writeSync(fd, Buffer.alloc(jobs - 1, '|'))
  let closed = false
  return {
    env: { CARGO_MAKEFLAGS: `-j --jobserver-fds=fifo:${path} --jobserver-auth=fifo:${path}` },
    path,
    fd,
    close() {
      if (closed) return
      closed = true
      closeSync(fd)
      rmSync(path, { force: true })
    }
  }
}

export interface LazyJobserver {
  /** Makes the pipe on first use (a no-op build never needs one) and returns its variables. */
  env(): Promise<Readonly<Record<string, string>>>
  /** The build is over and its processes gone: the pipe goes back to the pool. */
  close(): void
}

/**
 * Idle pipes by token count, kept for the process's life: a resident app's next build reuses one
 * instead of spawning mkfifo (about 5 ms, in front of the first rustc of a rebuild).
 */
const idle = new Map<number, Jobserver[]>()
let exitHooked = false

/** Back to `jobs - 1` tokens: whatever a killed process took or a stray one returned is forgotten. */
function refill(j: Jobserver, jobs: number): void {
  const scratch = Buffer.alloc(64)
  try {
    while (readSync(j.fd, scratch, 0, scratch.length, null) > 0);
  } catch {
    // EAGAIN: empty.
  }
  if (jobs > 1) writeSync(j.fd, Buffer.alloc(jobs - 1, '|'))
}

function takeIdle(jobs: number): Jobserver | undefined {
  const j = idle.get(jobs)?.pop()
  if (!j) return undefined
  // A tmp cleaner may have removed the idle pipe's name: rustc could not open it then.
  if (!existsSync(j.path)) {
    j.close()
    return takeIdle(jobs)
  }
  try {
    refill(j, jobs)
    return j
  } catch {
    j.close()
    return undefined
  }
}

function putIdle(jobs: number, j: Jobserver): void {
  if (!exitHooked) {
    exitHooked = true
    process.once('exit', () => {
      for (const list of idle.values()) for (const k of list) k.close()
    })
  }
  const list = idle.get(jobs) ?? []
  list.push(j)
  idle.set(jobs, list)
}

export function lazyJobserver(jobs: number): LazyJobserver {
  let creating: Promise<Jobserver | undefined> | undefined
  let closed = false
  return {
    async env() {
      if (closed) return {}
      creating ??= Promise.resolve(takeIdle(jobs) ?? createJobserver(jobs)).then((j) => {
        if (!closed) return j
        if (j) putIdle(jobs, j)
        return undefined
      })
      return (await creating)?.env ?? {}
    },
    close() {
      if (closed) return
      closed = true
      void creating?.then((j) => j && putIdle(jobs, j))
    }
  }
}

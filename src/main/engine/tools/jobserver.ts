/**
 * A GNU make jobserver, as cargo runs one: a named pipe holding `jobs - 1` tokens. rustc (for
 * its codegen threads) and build scripts (the `cc` crate's parallel compiles) take tokens from it
 * through `CARGO_MAKEFLAGS`, and the job queue takes one for every unit beyond the first, so the
 * whole build stays within `-j` threads instead of each rustc using every CPU.
 * Unix only (a FIFO); elsewhere rustc keeps its own default.
 */
import { randomUUID } from 'node:crypto'
import { closeSync, constants, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'

export interface Jobserver {
  /** Variables that hand the jobserver to rustc and build scripts. */
  readonly env: Readonly<Record<string, string>>
  /** Takes a token if one is free, without waiting. */
  tryAcquire(): boolean
  release(): void
  close(): void
}

/** `outstanding`: tokens already handed out (by `lazyJobserver`) that the pipe must not hold too. */
export async function createJobserver(
  jobs: number,
  outstanding: () => number = () => 0
): Promise<Jobserver | undefined> {
  if (process.platform === 'win32' || jobs < 1) return undefined
  const path = join(tmpdir(), `crate-studio-jobserver-${randomUUID()}`)
  const made = await execa('mkfifo', ['-m', '600', path], { reject: false })
  if (made.exitCode !== 0) return undefined
  // Read-write and non-blocking: opening never waits for a peer, and an empty pipe reads as EAGAIN.
  const fd = openSync(path, constants.O_RDWR | constants.O_NONBLOCK)
  const token = Buffer.from('|')
  for (let i = outstanding(); i < jobs - 1; i++) writeSync(fd, token)
  const one = Buffer.alloc(1)
  let closed = false
  return {
    env: { CARGO_MAKEFLAGS: `-j --jobserver-fds=fifo:${path} --jobserver-auth=fifo:${path}` },
    tryAcquire() {
      if (closed) return true
      try {
        return readSync(fd, one, 0, 1, null) === 1
      } catch {
        return false
      }
    },
    release() {
      if (!closed) writeSync(fd, token)
    },
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
  tryAcquire(): boolean
  release(): void
  close(): void
}

/**
 * The jobserver made only once something is compiled. Until then the queue's tokens are
 * counted, not taken; the pipe is filled with what is left, so the total stays `jobs - 1`.
 */
export function lazyJobserver(jobs: number): LazyJobserver {
  let real: Jobserver | undefined
  let creating: Promise<Jobserver | undefined> | undefined
  let closed = false
  let held = 0
  return {
    async env() {
      creating ??= createJobserver(jobs, () => held).then((j) => {
        if (closed) j?.close()
        else real = j
        return real
      })
      return (await creating)?.env ?? {}
    },
    tryAcquire() {
      if (real) return real.tryAcquire()
      held++
      return true
    },
    release() {
      if (real) real.release()
      else held--
    },
    close() {
      closed = true
      real?.close()
    }
  }
}

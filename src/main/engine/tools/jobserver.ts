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

export async function createJobserver(jobs: number): Promise<Jobserver | undefined> {
  if (process.platform === 'win32' || jobs < 1) return undefined
  const path = join(tmpdir(), `crate-studio-jobserver-${randomUUID()}`)
  const made = await execa('mkfifo', ['-m', '600', path], { reject: false })
  if (made.exitCode !== 0) return undefined
  // Read-write and non-blocking: opening never waits for a peer, and an empty pipe reads as EAGAIN.
  const fd = openSync(path, constants.O_RDWR | constants.O_NONBLOCK)
  const token = Buffer.from('|')
  for (let i = 0; i < jobs - 1; i++) writeSync(fd, token)
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

/**
 * Killing a whole process tree. Tools run in their own process group (POSIX) so that cancel
 * reaches rustc's linker, a build command's children and a program's children alike. Groups
 * still alive when this process exits are killed too, so nothing outlives the app.
 */
import { execFileSync } from 'node:child_process'

const live = new Set<number>()
let exitHookInstalled = false

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    if (process.platform === 'win32') {
      execFileSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true })
    } else {
      process.kill(-pid, signal)
    }
  } catch {
    // Already gone.
  }
}

/** Remembers a group leader until `release`; installs the exit hook once. */
export function trackGroup(pid: number): void {
  live.add(pid)
  if (!exitHookInstalled) {
    exitHookInstalled = true
    process.on('exit', () => {
      for (const p of live) signalGroup(p, 'SIGKILL')
    })
  }
}

export function releaseGroup(pid: number): void {
  live.delete(pid)
}

/** SIGTERM to the group, then SIGKILL after `graceMs` for anything that ignored it. */
export function killGroup(pid: number, graceMs = 1500): void {
  signalGroup(pid, 'SIGTERM')
  if (process.platform !== 'win32') {
    setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs).unref()
  }
}

/** After a cancel, kills whatever of the group outlived its leader (e.g. `sleep &` in a build command). */
export function reapGroup(pid: number): void {
  if (process.platform !== 'win32') signalGroup(pid, 'SIGKILL')
}

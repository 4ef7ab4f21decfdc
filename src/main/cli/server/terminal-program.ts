/**
 * `run`'s program in the client's terminal, run as `run` runs it in-process (through execa
 * there): no shell, exactly the environment the server computed, this process group (so Ctrl+C
 * reaches it), SIGTERM on cancel and SIGKILL if it is still there 5 s later, and ended if this
 * process leaves first.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import type { ExecProgram, ProgramExited } from './frames'

/** execa's `forceKillAfterDelay` default, which the in-process `run` gets. */
const FORCE_KILL_MS = 5000

export class TerminalProgram {
  private child: ChildProcess | undefined
  /** How it ended, or why it could not start. */
  readonly exited: Promise<ProgramExited>

  constructor(m: ExecProgram) {
    let report: (exited: ProgramExited) => void = () => undefined
    this.exited = new Promise((resolve) => (report = resolve))
    const endWithUs = () => this.child?.kill('SIGTERM')
    const finish = (exited: ProgramExited) => {
      process.off('exit', endWithUs)
      this.child = undefined
      report(exited)
    }
    try {
      this.child = spawn(m.program, [...m.args], { cwd: m.cwd, env: m.env, stdio: 'inherit', shell: false })
    } catch (e) {
      // E2BIG, ENOTDIR and the like are thrown rather than emitted.
      finish({
        kind: 'exited',
        exitCode: null,
        signal: null,
        error: e instanceof Error ? e.message : String(e)
      })
      return
    }
    process.once('exit', endWithUs)
    this.child.once('error', (e) =>
      finish({ kind: 'exited', exitCode: null, signal: null, error: e.message })
    )
    this.child.once('exit', (exitCode, signal) => finish({ kind: 'exited', exitCode, signal }))
  }

  get running(): boolean {
    return this.child !== undefined
  }

  /** Ends it as a cancelled in-process `run` does. */
  stop(): void {
    const child = this.child
    if (!child) return
    child.kill('SIGTERM')
    setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }, FORCE_KILL_MS).unref()
  }
}

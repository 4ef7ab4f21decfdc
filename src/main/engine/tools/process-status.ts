/**
 * How cargo words a process that did not exit successfully: the command as cargo-util's
 * `ProcessBuilder` shows it (arguments shell-escaped) and the exit status as
 * `exit_status_to_string` does ("exit status: 3", "signal: 6, SIGABRT: process abort signal").
 */
import { constants } from 'node:os'

/** cargo-util's descriptions for the common signals; others show the number only. */
const SIGNAL_TEXT: Readonly<Record<string, string>> = {
  SIGABRT: 'process abort signal',
  SIGALRM: 'alarm clock',
  SIGFPE: 'erroneous arithmetic operation',
  SIGHUP: 'hangup',
  SIGILL: 'illegal instruction',
  SIGINT: 'terminal interrupt signal',
  SIGKILL: 'kill',
  SIGPIPE: 'write on a pipe with no one to read',
  SIGQUIT: 'terminal quit signal',
  SIGSEGV: 'invalid memory reference',
  SIGTERM: 'termination signal',
  SIGBUS: 'access to undefined memory',
  SIGSYS: 'bad system call',
  SIGTRAP: 'trace/breakpoint trap'
}

/** "exit status: 3" or "signal: 6, SIGABRT: process abort signal". */
export function exitStatusText(exit: {
  readonly exitCode: number | null
  readonly signal: string | null
}): string {
  if (exit.signal) {
    const number = (constants.signals as Readonly<Record<string, number | undefined>>)[exit.signal]
    const text = SIGNAL_TEXT[exit.signal]
    return `signal: ${number ?? exit.signal}${text ? `, ${exit.signal}: ${text}` : ''}`
  }
  return `exit status: ${exit.exitCode ?? 'unknown'}`
}

/** The `shell-escape` crate's rule: plain words stay, anything else is single-quoted. */
export function shellEscape(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9\-_=/,.+]+$/.test(arg)) return arg
  return `'${arg.replace(/['!]/g, (c) => `'\\${c}'`)}'`
}

/** The program as given (cargo does not escape it) and each argument escaped. */
export function displayCommand(program: string, args: readonly string[]): string {
  return [program, ...args.map(shellEscape)].join(' ')
}

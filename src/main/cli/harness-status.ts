/**
 * How `test` and `bench` report their build and end: cargo's `build-finished` JSON line between
 * the build and the harnesses, `--no-run`'s list of harnesses, then the exit status cargo gives.
 */
import { buildFinishedMessage } from '../engine/compat/cargo-messages'
import type { EventSink } from '../engine/compiler/events'
import type { TestPackageResult } from '../engine/run/test-package'
import { displayCommand } from '../engine/tools/process-status'
import { failureStatus } from './commands/shared'
import type { Terminal } from './terminal'

/** How `--no-run` lists the harnesses: not at all (JSON, `-q`), by label, or by command (`-v`). */
export type ExecutableListing = 'none' | 'label' | 'command'

/** cargo's `display_no_run_information`: concise output shows labels, `-v` the commands. */
export function executableListing(o: {
  readonly format: 'human' | 'json'
  readonly quiet?: boolean
  readonly verbose?: readonly boolean[]
}): ExecutableListing {
  if (o.format === 'json' || o.quiet) return 'none'
  return (o.verbose?.length ?? 0) > 0 ? 'command' : 'label'
}

/**
 * With `--message-format json`, cargo prints `{"reason":"build-finished"}` once the build is
 * done, before any harness runs: after the `Finished` line, or at the end when the build failed.
 */
export function withBuildFinished(sink: EventSink, term: Terminal, format: 'human' | 'json'): EventSink {
  if (format !== 'json') return sink
  return (e) => {
    sink(e)
    if (e.type === 'status' && e.verb === 'Finished') term.stdout(`${buildFinishedMessage(true)}\n`)
  }
}

/**
 * The exit status of a `test` or `bench` run: the build's failure (101, or 130 when interrupted),
 * the harnesses' own, or 0. After `--no-run` it first prints cargo's `Executable` line for each
 * harness built; `args` are the harness arguments the command line gave, which `-v` shows.
 */
export function harnessRunStatus(
  result: TestPackageResult,
  term: Terminal,
  o: {
    readonly format: 'human' | 'json'
    readonly listing: ExecutableListing
    readonly args: readonly string[]
  }
): number {
  const { format, listing, args } = o
  if (!result.build.success) {
    if (format === 'json' && !result.build.cancelled) term.stdout(`${buildFinishedMessage(false)}\n`)
    return failureStatus(term, result.build.cancelled)
  }
  if (result.executables) {
    for (const b of listing === 'none' ? [] : result.executables)
      term.status('Executable', listing === 'label' ? b.suite : `\`${displayCommand(b.executable, args)}\``)
    return 0
  }
  if (!result.tests) return 0
  if (result.tests.cancelled) return 130
  return result.tests.exitCode
}

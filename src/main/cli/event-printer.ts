/**
 * Engine events → terminal, the way cargo prints a build: status lines and rustc's rendered
 * diagnostics on stderr in human mode, or cargo's JSON messages on stdout.
 */
import { cargoMessage } from '../engine/compat/cargo-messages'
import type { EngineEvent, EventSink } from '../engine/compiler/events'
import { progressTracker } from './progress-line'
import type { Terminal } from './terminal'

export type MessageFormat = 'human' | 'json'

export interface PrinterOptions {
  readonly format: MessageFormat
  readonly verbose: number
  readonly quiet: boolean
}

export function eventPrinter(term: Terminal, o: PrinterOptions): EventSink {
  // Build-command output is kept per unit, as cargo keeps a build script's, and shown on
  // failure or with -vv.
  const commandOutput = new Map<string, string>()
  const names = new Map<string, string>()
  const progress = progressTracker((line) => term.progress(line), term.width)
  return (e: EngineEvent) => {
    switch (e.type) {
      case 'status':
        if (e.verbose && o.verbose < 1) return
        if (e.verb === 'Finished' || e.verb === 'Running') progress.clear()
        if (!o.quiet)
          term.status(e.verb, o.verbose >= 1 && e.verboseDetail ? e.verboseDetail : e.detail, e.warning)
        return
      case 'message':
        if (e.level === 'error') term.error({ code: 'build-failed', message: e.text })
        else if (e.level === 'warning') term.warning(e.text)
        else term.note(e.text)
        return
      case 'diagnostic':
        if (o.format === 'human' && e.diagnostic.rendered) term.stderr(e.diagnostic.rendered)
        return
      case 'output':
        // A build script's output is in the failure message; cargo shows it live with -vv.
        if (e.source === 'build-script') {
          if (o.verbose >= 2) term.stderr(e.text)
          return
        }
        if (e.source === 'build-command' && o.verbose < 2 && e.unitId) {
          commandOutput.set(e.unitId, (commandOutput.get(e.unitId) ?? '') + e.text)
          return
        }
        if (e.stream === 'stdout' && e.source === 'program') term.stdout(e.text)
        else term.stderr(e.text)
        return
      case 'unit-finished': {
        progress.finished(e.unitId)
        const kept = commandOutput.get(e.unitId)
        if (e.outcome === 'failed' && kept) term.stderr(`  --- output\n${kept.replace(/^/gm, '  ')}\n`)
        commandOutput.delete(e.unitId)
        return
      }
      case 'compiler-message':
      case 'compiler-artifact':
      case 'build-script-executed': {
        const line = o.format === 'json' ? cargoMessage(e) : undefined
        if (line) term.stdout(`${line}\n`)
        return
      }
      case 'planned':
        for (const u of e.units)
          names.set(u.id, u.kind === 'run-custom-build' ? `${u.packageName}(build)` : u.packageName)
        progress.planned(e.units.length)
        return
      case 'unit-started':
        progress.started(e.unitId, names.get(e.unitId) ?? e.unitId)
        return
      case 'unit-metadata':
      case 'test-result':
      case 'test-suite-finished':
      case 'program-exited':
      case 'finished':
        return
    }
  }
}

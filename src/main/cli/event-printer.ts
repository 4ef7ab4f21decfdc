/**
 * Engine events → terminal, the way cargo prints a build: status lines and rustc's rendered
 * diagnostics on stderr in human mode, or cargo's JSON messages on stdout.
 */
import { cargoMessage } from '../engine/compat/cargo-messages'
import type { EngineEvent, EventSink } from '../engine/compiler/events'
import type { Terminal } from './terminal'

export type MessageFormat = 'human' | 'json'

export interface PrinterOptions {
  readonly format: MessageFormat
  readonly verbose: number
  readonly quiet: boolean
}

export function eventPrinter(term: Terminal, o: PrinterOptions): EventSink {
  // Build-command output is kept, as cargo keeps a build script's, and shown on failure or with -vv.
  const commandOutput = new Map<string, string>()
  let lastCommandUnit: string | undefined
  return (e: EngineEvent) => {
    switch (e.type) {
      case 'status':
        if (!o.quiet) term.status(e.verb, e.detail, e.warning)
        return
      case 'diagnostic':
        if (o.format === 'human' && e.diagnostic.rendered) term.stderr(e.diagnostic.rendered)
        return
      case 'output':
        if (e.source === 'build-command' && o.verbose < 2) {
          if (lastCommandUnit)
            commandOutput.set(lastCommandUnit, (commandOutput.get(lastCommandUnit) ?? '') + e.text)
          return
        }
        if (e.stream === 'stdout' && e.source === 'program') term.stdout(e.text)
        else term.stderr(e.text)
        return
      case 'unit-started':
        if (e.unitId.endsWith(' build-command')) lastCommandUnit = e.unitId
        return
      case 'unit-finished': {
        const kept = commandOutput.get(e.unitId)
        if (e.outcome === 'failed' && kept) term.stderr(`  --- output\n${kept.replace(/^/gm, '  ')}\n`)
        commandOutput.delete(e.unitId)
        return
      }
      case 'compiler-message':
      case 'compiler-artifact': {
        const line = o.format === 'json' ? cargoMessage(e) : undefined
        if (line) term.stdout(`${line}\n`)
        return
      }
      case 'planned':
      case 'program-exited':
      case 'finished':
        return
    }
  }
}

import type { EngineEvent } from '../../src/main/engine/compiler/events'
import { stripAnsi } from '../../src/shared/format/ansi'

/** Collects engine events, with helpers to read them as cargo-like text. */
export function eventLog() {
  const events: EngineEvent[] = []
  return {
    events,
    sink: (e: EngineEvent) => void events.push(e),
    /** Everything a terminal would show, colours removed. */
    text(): string {
      return events
        .map((e) => {
          if (e.type === 'status') return `${e.verb.padStart(12)} ${e.detail}\n`
          if (e.type === 'output') return stripAnsi(e.text)
          if (e.type === 'message') return `${e.level}: ${e.text}\n`
          if (e.type === 'diagnostic') return stripAnsi(e.diagnostic.rendered ?? '')
          return ''
        })
        .join('')
    },
    programOutput(): string {
      return events
        .map((e) => (e.type === 'output' && e.source === 'program' && e.stream === 'stdout' ? e.text : ''))
        .join('')
    }
  }
}

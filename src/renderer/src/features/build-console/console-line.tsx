/** One console entry, memoized: with thousands of lines only new or changed ones re-render. */
import { memo } from 'react'
import { assertNever } from '@shared/assert-never'
import { AnsiText } from '../../components/ansi-text'
import type { ConsoleLine } from './operation-state'

interface Props {
  readonly line: ConsoleLine
  readonly highlighted: boolean
}

export const ConsoleLineView = memo(function ConsoleLineView({ line, highlighted }: Props) {
  switch (line.kind) {
    case 'status':
      return (
        <div className="line line-status">
          <span className={line.warning ? 'status-verb warning' : 'status-verb'}>
            {line.verb.padStart(12)}
          </span>{' '}
          {line.detail}
        </div>
      )
    case 'output':
      return (
        <div className={`line line-output ${line.stream} source-${line.source}`}>
          <AnsiText text={line.text} />
        </div>
      )
    case 'diagnostic':
      return (
        <div
          className={`line line-diagnostic level-${line.level}${highlighted ? ' highlighted' : ''}`}
          data-diagnostic-id={line.diagnosticId}
        >
          <AnsiText text={line.text} />
        </div>
      )
    case 'note':
      return <div className={`line line-note ${line.tone}`}>{line.text}</div>
    case 'message':
      return (
        <div className={`line line-message level-${line.level}`}>
          <span className="message-level">{line.level}</span>: {line.text}
        </div>
      )
    default:
      return assertNever(line, 'console line')
  }
})

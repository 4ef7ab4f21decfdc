/** Errors and warnings under a field, each with the line it is on; the line opens the raw view there. */
import type { KeyPath } from '@shared/models/manifest-edit'
import { lineOf } from '../model/key-path'
import { useForm } from './form-context'

export interface Message {
  readonly severity: 'error' | 'warning'
  readonly text: string
  readonly line?: number
  /** Where the problem is; its line is looked up when the engine gave none. */
  readonly path?: KeyPath
}

export function FieldMessages({
  id,
  messages
}: {
  readonly id: string
  readonly messages: readonly Message[]
}) {
  const { view, revealLine } = useForm()
  if (messages.length === 0) return null
  return (
    <ul id={id} className="me-messages">
      {messages.map((m, i) => {
        const line = m.line ?? (m.path ? lineOf(view, m.path) : undefined)
        return (
          <li key={i} className={`me-message ${m.severity}`}>
            <span className="me-message-icon" aria-hidden="true">
              {m.severity === 'error' ? '✕' : '!'}
            </span>
            <span>
              <span className="visually-hidden">{m.severity === 'error' ? 'Error: ' : 'Warning: '}</span>
              {m.text}
            </span>
            {line !== undefined && (
              <button
                type="button"
                className="link-button me-line"
                aria-label={`Go to line ${line}`}
                onClick={() => revealLine(line)}
              >
                line {line}
              </button>
            )}
          </li>
        )
      })}
    </ul>
  )
}

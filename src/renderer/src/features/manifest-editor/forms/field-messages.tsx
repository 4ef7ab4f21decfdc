/** Errors and warnings under a field, each with the line it is on; the line opens the raw view there. */
import type { KeyPath } from '@shared/models/manifest-edit'
import { lineOf } from '../model/key-path'
import { ProblemItem } from '../problem-item'
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
      {messages.map((m, i) => (
        <ProblemItem
          key={i}
          severity={m.severity}
          line={m.line ?? (m.path ? lineOf(view, m.path) : undefined)}
          onReveal={revealLine}
        >
          {m.text}
        </ProblemItem>
      ))}
    </ul>
  )
}

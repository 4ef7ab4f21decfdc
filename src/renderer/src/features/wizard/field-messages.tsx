/** The errors and warnings under one wizard field; its id is the input's aria-describedby. */
import type { FieldMessage } from './wizard-fields'

export function FieldMessages({
  id,
  messages
}: {
  readonly id: string
  readonly messages?: readonly FieldMessage[]
}) {
  if (!messages || messages.length === 0) return null
  return (
    <ul id={id} className="field-messages">
      {messages.map((m, i) => (
        <li key={i} className={`field-message ${m.severity}`}>
          <span className="field-message-icon" aria-hidden="true">
            {m.severity === 'error' ? '✕' : '!'}
          </span>
          <span>
            <span className="visually-hidden">{m.severity === 'error' ? 'Error: ' : 'Warning: '}</span>
            {m.text}
          </span>
        </li>
      ))}
    </ul>
  )
}

/** aria props for an input that may have messages. */
export function describedBy(id: string, messages?: readonly FieldMessage[]) {
  const invalid = messages?.some((m) => m.severity === 'error') ?? false
  return messages && messages.length > 0
    ? { 'aria-describedby': id, 'aria-invalid': invalid }
    : { 'aria-invalid': false as const }
}

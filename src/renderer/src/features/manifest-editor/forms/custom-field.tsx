/**
 * A text field whose value and edits the caller computes (a dependency's keys, where a string
 * dependency must become a table). It still types through a draft and shows its path's problems.
 */
import { useId } from 'react'
import type { KeyPath } from '@shared/models/manifest-edit'
import { problemsWithin } from '../model/key-path'
import { FieldMessages, type Message } from './field-messages'
import { useForm } from './form-context'
import { useDraft } from './use-draft'

interface Props {
  readonly label: string
  /** Whose problems to show. */
  readonly path: KeyPath
  readonly value: string
  readonly commit: (text: string) => void
  readonly normalize?: (text: string) => string
  readonly placeholder?: string
  readonly hint?: string
  readonly mono?: boolean
  readonly suggestions?: readonly string[]
}

export function CustomTextField({
  label,
  path,
  value,
  commit,
  normalize,
  placeholder,
  hint,
  mono,
  suggestions
}: Props) {
  const id = useId()
  const { problems } = useForm()
  const draft = useDraft(value, commit, normalize)
  const messages = problemsWithin(problems, path).map((p): Message => ({
    severity: p.severity,
    text: p.message,
    line: p.line,
    path: p.path
  }))
  const listId = suggestions ? `${id}-suggestions` : undefined
  return (
    <div className="me-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={draft.value}
        autoComplete="off"
        spellCheck={false}
        list={listId}
        placeholder={placeholder}
        className={mono ? 'me-mono' : undefined}
        onChange={(e) => draft.onChange(e.target.value)}
        onBlur={draft.onBlur}
        aria-describedby={messages.length > 0 ? `${id}-messages` : undefined}
        aria-invalid={messages.some((m) => m.severity === 'error') || undefined}
      />
      {listId && (
        <datalist id={listId}>
          {suggestions?.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      {hint && <p className="me-hint">{hint}</p>}
      <FieldMessages id={`${id}-messages`} messages={messages} />
    </div>
  )
}

/** A one-field form that adds a named entry (a feature, a binary…), checking the name as it is typed. */
import { useId, useState, type FormEvent } from 'react'

export function AddNameForm({
  noun,
  check,
  onAdd
}: {
  /** What is added ("feature", "binary"): the label and button say it. */
  readonly noun: string
  /** Why a (trimmed, non-empty) name cannot be used, or undefined. */
  readonly check: (name: string) => string | undefined
  readonly onAdd: (name: string) => void
}) {
  const id = useId()
  const [name, setName] = useState('')
  const trimmed = name.trim()
  const error = trimmed === '' ? undefined : check(trimmed)
  const submit = (e: FormEvent): void => {
    e.preventDefault()
    if (trimmed === '' || error) return
    onAdd(trimmed)
    setName('')
  }
  return (
    <form className="me-inline-add" onSubmit={submit}>
      <label htmlFor={id}>New {noun} name</label>
      <input
        id={id}
        value={name}
        className="me-mono"
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setName(e.target.value)}
        aria-invalid={error !== undefined}
      />
      <button type="submit" disabled={trimmed === '' || error !== undefined}>
        Add {noun}
      </button>
      {error && <span className="me-inline-error">{error}</span>}
    </form>
  )
}

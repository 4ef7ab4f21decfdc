/**
 * One labelled setting with its hint and error. The control comes from a render function that
 * receives the aria props, so a screen reader reads the hint and the error with the control.
 */
import type { ReactNode } from 'react'

export interface FieldAria {
  readonly 'aria-describedby'?: string
  readonly 'aria-invalid'?: boolean
}

interface Props {
  readonly id: string
  readonly label: string
  readonly hint?: string
  readonly error?: string | undefined
  readonly children: (aria: FieldAria) => ReactNode
}

export function SettingsField({ id, label, hint, error, children }: Props) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        ...(described ? { 'aria-describedby': described } : {}),
        ...(error ? { 'aria-invalid': true } : {})
      })}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-message error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  )
}

/** One manifest section in the forms column: a heading the contents list links to, and its fields. */
import type { ReactNode } from 'react'

export function FormSection({
  id,
  title,
  toml,
  children,
  actions
}: {
  readonly id: string
  readonly title: string
  /** The TOML header(s) the section edits, e.g. `[package]`. */
  readonly toml: string
  readonly children: ReactNode
  readonly actions?: ReactNode
}) {
  return (
    <section className="me-section" id={id} aria-labelledby={`${id}-title`}>
      <header className="me-section-header">
        <h2 id={`${id}-title`}>{title}</h2>
        <code className="me-section-toml">{toml}</code>
        {actions && <div className="me-section-actions">{actions}</div>}
      </header>
      {children}
    </section>
  )
}

/**
 * `[patch.*]`, `[replace]`, `[lints]` and `[badges]`: open-ended shapes, so they are edited as
 * TOML text and applied with `set-raw-section` (empty text removes the section).
 */
import { useId, useState } from 'react'
import type { RawSection } from '@shared/models/manifest-edit'
import { problemsWithin } from '../model/key-path'
import { FieldMessages, type Message } from './field-messages'
import { useForm } from './form-context'
import { FormSection } from './form-section'

const SECTIONS: readonly { readonly section: RawSection; readonly title: string; readonly hint: string }[] = [
  {
    section: 'patch',
    title: '[patch.*]',
    hint: 'Overrides of dependencies, per source: [patch.crates-io] serde = { path = "…" }'
  },
  { section: 'replace', title: '[replace]', hint: 'The older form of [patch]: "name:version" = { … }' },
  { section: 'lints', title: '[lints]', hint: 'Lint levels per tool: [lints.rust] unsafe_code = "forbid"' },
  { section: 'badges', title: '[badges]', hint: 'Badges for the registry page (mostly unused today).' }
]

function RawSectionEditor({ section, title, hint }: (typeof SECTIONS)[number]) {
  const id = useId()
  const { view, problems, edit } = useForm()
  const current = view.rawSections[section] ?? ''
  const [text, setText] = useState<string | undefined>()
  const [seen, setSeen] = useState(current)
  if (seen !== current) {
    setSeen(current)
    setText(undefined)
  }
  const shown = text ?? current
  const changed = shown !== current
  const messages = problemsWithin(problems, [section]).map((p): Message => ({
    severity: p.severity,
    text: p.message,
    line: p.line,
    path: p.path
  }))
  return (
    <div className="me-field me-raw-section">
      <label htmlFor={id}>{title} TOML</label>
      <textarea
        id={id}
        className="me-mono"
        rows={Math.min(10, Math.max(3, shown.split('\n').length + 1))}
        value={shown}
        spellCheck={false}
        wrap="off"
        placeholder={hint}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="me-card-actions">
        {changed && (
          <button type="button" onClick={() => setText(undefined)}>
            Revert {title}
          </button>
        )}
        <button
          type="button"
          disabled={!changed}
          onClick={() => edit([{ op: 'set-raw-section', section, text: shown }])}
        >
          Apply {title}
        </button>
      </div>
      <FieldMessages id={`${id}-messages`} messages={messages} />
    </div>
  )
}

export function RawSectionsForm() {
  return (
    <FormSection id="me-raw-sections" title="Other sections" toml="[patch] [replace] [lints] [badges]">
      <p className="me-hint">
        Edited as TOML; Apply replaces the whole section, keeping the rest of the file as it is.
      </p>
      {SECTIONS.map((s) => (
        <RawSectionEditor key={s.section} {...s} />
      ))}
    </FormSection>
  )
}

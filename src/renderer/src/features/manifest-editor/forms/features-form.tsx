/**
 * `[features]`: each feature's list as chips (a feature, `dep:x`, `x/y`, `x?/y`), with the
 * engine's problems on the entry they are about and suggestions from the names that exist.
 */
import { useId, useState, type FormEvent } from 'react'
import type { ManifestProblem, TomlTable } from '@shared/models/manifest-edit'
import { checkFeatureName, featureEntryKind, featureSuggestions, readFeatures } from '../model/features'
import { problemsWithin, samePath } from '../model/key-path'
import { FieldMessages, type Message } from './field-messages'
import { useForm } from './form-context'
import { AddNameForm } from './add-name-form'
import { FormSection } from './form-section'

const KIND_TITLES = {
  feature: 'a feature (or an optional dependency)',
  dependency: 'an optional dependency',
  'dependency-feature': "a dependency's feature",
  'weak-dependency-feature': "a dependency's feature, only if the dependency is enabled otherwise"
} as const

const toMessages = (problems: readonly ManifestProblem[]): Message[] =>
  problems.map((p) => ({ severity: p.severity, text: p.message, line: p.line, path: p.path }))

function AddEntry({
  feature,
  document,
  onAdd
}: {
  readonly feature: string
  readonly document: TomlTable
  readonly onAdd: (entry: string) => void
}) {
  const id = useId()
  const [entry, setEntry] = useState('')
  const submit = (e: FormEvent): void => {
    e.preventDefault()
    const trimmed = entry.trim()
    if (trimmed === '') return
    onAdd(trimmed)
    setEntry('')
  }
  return (
    <form className="me-inline-add" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        New entry for {feature}
      </label>
      <input
        id={id}
        value={entry}
        list={`${id}-suggestions`}
        className="me-mono"
        autoComplete="off"
        spellCheck={false}
        placeholder="feature, dep:name, name/feature"
        onChange={(e) => setEntry(e.target.value)}
      />
      <datalist id={`${id}-suggestions`}>
        {featureSuggestions(document, feature).map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <button type="submit" disabled={entry.trim() === ''} aria-label={`Add to ${feature}`}>
        Add
      </button>
    </form>
  )
}

function Feature({
  name,
  entries
}: {
  readonly name: string
  readonly entries: readonly string[] | undefined
}) {
  const { view, problems, edit } = useForm()
  const path = ['features', name]
  const own = toMessages(problems.filter((p) => samePath(p.path, path)))
  const set = (next: readonly string[]): void => edit([{ op: 'set', path, value: next }])
  return (
    <li className="me-card me-feature">
      <div className="me-feature-header">
        <code className="me-feature-name">{name}</code>
        <button type="button" className="link-button danger" onClick={() => edit([{ op: 'delete', path }])}>
          Remove feature {name}
        </button>
      </div>
      {entries === undefined ? (
        <p className="me-hint">Not a list of strings; edit it in the raw TOML.</p>
      ) : (
        <>
          {entries.length === 0 && <p className="me-hint">Enables nothing else.</p>}
          <ul className="me-chips" aria-label={`${name} enables`}>
            {entries.map((entry, i) => {
              const found = toMessages(problemsWithin(problems, [...path, i]))
              const bad = found.some((m) => m.severity === 'error')
              return (
                <li
                  key={`${i}:${entry}`}
                  className={`me-chip ${bad ? 'error' : found.length > 0 ? 'warning' : ''}`}
                >
                  <code title={KIND_TITLES[featureEntryKind(entry)]}>{entry}</code>
                  <button
                    type="button"
                    className="icon-button me-chip-remove"
                    aria-label={`Remove ${entry} from ${name}`}
                    onClick={() => set(entries.filter((_, j) => j !== i))}
                  >
                    ×
                  </button>
                  <FieldMessages id={`feature-${name}-${i}`} messages={found} />
                </li>
              )
            })}
          </ul>
          <AddEntry feature={name} document={view.document} onAdd={(entry) => set([...entries, entry])} />
        </>
      )}
      <FieldMessages id={`feature-${name}`} messages={own} />
    </li>
  )
}

function AddFeature({ existing }: { readonly existing: readonly string[] }) {
  const { edit } = useForm()
  return (
    <AddNameForm
      noun="feature"
      check={(name) => checkFeatureName(name, existing)}
      onAdd={(name) => edit([{ op: 'set', path: ['features', name], value: [] }])}
    />
  )
}

export function FeaturesForm() {
  const { view } = useForm()
  const features = readFeatures(view.document)
  return (
    <FormSection id="me-features" title="Features" toml="[features]">
      {features.length === 0 && <p className="me-hint">No features.</p>}
      <ul className="me-features">
        {features.map(([name, entries]) => (
          <Feature key={name} name={name} entries={entries} />
        ))}
      </ul>
      <AddFeature existing={features.map(([name]) => name)} />
    </FormSection>
  )
}

/** `[[bin]]`, `[[example]]`, `[[test]]` and `[[bench]]`: lists of crates with add and remove. */
import type { TomlJson } from '@shared/models/manifest-edit'
import { EDITIONS } from '@shared/models/package'
import { isTable } from '../model/key-path'
import { ListField, SelectField, TextField, type Choice } from './fields'
import { useForm } from './form-context'
import { AddNameForm } from './add-name-form'
import { FormSection } from './form-section'

export type TargetListKind = 'bin' | 'example' | 'test' | 'bench'

const NOUNS: Readonly<Record<TargetListKind, { readonly one: string; readonly many: string }>> = {
  bin: { one: 'binary', many: 'Binaries' },
  example: { one: 'example', many: 'Examples' },
  test: { one: 'test', many: 'Integration tests' },
  bench: { one: 'benchmark', many: 'Benchmarks' }
}

const EDITION_CHOICES: readonly Choice[] = [
  { label: "The package's", value: undefined },
  ...EDITIONS.map((e) => ({ label: e, value: e }))
]

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

function nameOf(entry: TomlJson, index: number): string {
  return isTable(entry) && typeof entry['name'] === 'string' ? entry['name'] : `#${index + 1}`
}

function AddTarget({ kind, names }: { readonly kind: TargetListKind; readonly names: readonly string[] }) {
  const { edit } = useForm()
  const noun = NOUNS[kind].one
  return (
    <AddNameForm
      noun={noun}
      check={(name) => (names.includes(name) ? `A ${noun} named ${name} already exists.` : undefined)}
      onAdd={(name) => edit([{ op: 'append-table', path: [kind], value: { name } }])}
    />
  )
}

export function TargetList({ kind }: { readonly kind: TargetListKind }) {
  const { view, edit } = useForm()
  const raw = view.document[kind]
  const entries: readonly TomlJson[] = Array.isArray(raw) ? (raw as readonly TomlJson[]) : []
  const noun = NOUNS[kind]
  const names = entries.map(nameOf)
  return (
    <FormSection id={`me-${kind}`} title={noun.many} toml={`[[${kind}]]`}>
      {entries.length === 0 && <p className="me-hint">None listed; cargo finds them by its layout rules.</p>}
      {entries.map((entry, i) => (
        <fieldset key={i} className="me-card">
          <legend>
            <code>[[{kind}]]</code> {names[i]}
          </legend>
          <div className="me-row">
            <TextField label={`${capitalize(noun.one)} name`} path={[kind, i, 'name']} mono />
            <TextField
              label={`${capitalize(noun.one)} path`}
              path={[kind, i, 'path']}
              mono
              placeholder="default by name"
            />
            <SelectField label="Edition (this crate)" path={[kind, i, 'edition']} choices={EDITION_CHOICES} />
          </div>
          <ListField label="Required features" path={[kind, i, 'required-features']} />
          <div className="me-card-actions">
            <button
              type="button"
              className="danger"
              onClick={() => edit([{ op: 'delete', path: [kind, i] }])}
            >
              Remove {noun.one} {names[i]}
            </button>
          </div>
        </fieldset>
      ))}
      <AddTarget kind={kind} names={names} />
    </FormSection>
  )
}

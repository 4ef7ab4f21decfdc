/** `[profile.*]`: the built-in profiles' overrides and custom profiles (which must inherit one). */
import { useId, useState, type FormEvent } from 'react'
import type { KeyPath, TomlTable } from '@shared/models/manifest-edit'
import { isTable } from '../model/key-path'
import { BoolField, parseInteger, SelectField, TextField, type Choice } from './fields'
import { useForm } from './form-context'
import { FormSection } from './form-section'

const BUILT_IN = ['dev', 'release', 'test', 'bench'] as const

const DEFAULTS: Readonly<
  Record<string, { readonly opt: string; readonly debug: string; readonly checks: string }>
> = {
  dev: { opt: '0', debug: 'full', checks: 'yes' },
  test: { opt: '0', debug: 'full', checks: 'yes' },
  release: { opt: '3', debug: 'none', checks: 'no' },
  bench: { opt: '3', debug: 'none', checks: 'no' }
}

const def = (label: string): Choice => ({ label: `Default (${label})`, value: undefined })

function choices(defaultLabel: string, values: readonly (string | number | boolean)[]): readonly Choice[] {
  return [def(defaultLabel), ...values.map((v) => ({ label: String(v), value: v }))]
}

function ProfileFields({
  name,
  inherited
}: {
  readonly name: string
  readonly inherited: string | undefined
}) {
  const { edit } = useForm()
  const at: KeyPath = ['profile', name]
  const base = DEFAULTS[name] ??
    DEFAULTS[inherited ?? ''] ?? { opt: 'inherited', debug: 'inherited', checks: 'inherited' }
  const custom = !(BUILT_IN as readonly string[]).includes(name)
  return (
    <fieldset className="me-card">
      <legend>
        <code>[profile.{name}]</code>
      </legend>
      <div className="me-row">
        <SelectField
          label="Optimisation level"
          path={[...at, 'opt-level']}
          choices={choices(base.opt, [0, 1, 2, 3, 's', 'z'])}
        />
        <SelectField
          label="Debug info"
          path={[...at, 'debug']}
          choices={choices(base.debug, [false, true, 'line-tables-only', 'limited', 'full', 0, 1, 2])}
        />
        <SelectField
          label="Link-time optimisation"
          path={[...at, 'lto']}
          choices={choices('off', [false, true, 'thin', 'fat', 'off'])}
        />
        <TextField
          label="Codegen units"
          path={[...at, 'codegen-units']}
          parse={parseInteger}
          mono
          placeholder="default"
        />
      </div>
      <div className="me-row">
        <SelectField
          label="Panic strategy"
          path={[...at, 'panic']}
          choices={choices('unwind', ['unwind', 'abort'])}
        />
        <SelectField
          label="Strip"
          path={[...at, 'strip']}
          choices={choices('none', [false, true, 'none', 'debuginfo', 'symbols'])}
        />
        <BoolField
          label="Incremental"
          path={[...at, 'incremental']}
          defaultLabel={name === 'release' ? 'no' : 'yes'}
        />
        <BoolField label="Overflow checks" path={[...at, 'overflow-checks']} defaultLabel={base.checks} />
        <BoolField label="Debug assertions" path={[...at, 'debug-assertions']} defaultLabel={base.checks} />
      </div>
      <div className="me-row">
        <TextField
          label="Inherits"
          path={[...at, 'inherits']}
          mono
          suggestions={BUILT_IN}
          hint={custom ? 'A custom profile starts from this one (required).' : undefined}
        />
      </div>
      <div className="me-card-actions">
        <button type="button" className="danger" onClick={() => edit([{ op: 'delete', path: at }])}>
          Remove profile {name}
        </button>
      </div>
    </fieldset>
  )
}

function AddProfile({ existing }: { readonly existing: readonly string[] }) {
  const { edit } = useForm()
  const id = useId()
  const [name, setName] = useState('')
  const trimmed = name.trim()
  const error =
    trimmed === ''
      ? undefined
      : existing.includes(trimmed)
        ? `[profile.${trimmed}] already exists.`
        : /^[A-Za-z0-9_-]+$/.test(trimmed)
          ? undefined
          : 'Use ASCII letters, digits, - and _.'
  const submit = (e: FormEvent): void => {
    e.preventDefault()
    if (trimmed === '' || error) return
    const builtIn = (BUILT_IN as readonly string[]).includes(trimmed)
    edit([{ op: 'set', path: ['profile', trimmed], value: builtIn ? {} : { inherits: 'release' } }])
    setName('')
  }
  return (
    <form className="me-inline-add" onSubmit={submit}>
      <label htmlFor={id}>New profile</label>
      <input
        id={id}
        value={name}
        list={`${id}-names`}
        className="me-mono"
        autoComplete="off"
        spellCheck={false}
        placeholder="release, or a custom name"
        onChange={(e) => setName(e.target.value)}
        aria-invalid={error !== undefined}
      />
      <datalist id={`${id}-names`}>
        {BUILT_IN.filter((p) => !existing.includes(p)).map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <button type="submit" disabled={trimmed === '' || error !== undefined}>
        Add profile
      </button>
      {error && <span className="me-inline-error">{error}</span>}
    </form>
  )
}

export function ProfilesForm() {
  const { view } = useForm()
  const profiles: TomlTable = isTable(view.document['profile']) ? view.document['profile'] : {}
  const names = Object.keys(profiles)
  return (
    <FormSection id="me-profiles" title="Profiles" toml="[profile.*]">
      {names.length === 0 && <p className="me-hint">Cargo's defaults for every profile.</p>}
      {names.map((name) => {
        const table = profiles[name]
        const inherits =
          isTable(table) && typeof table['inherits'] === 'string' ? table['inherits'] : undefined
        return <ProfileFields key={name} name={name} inherited={inherits} />
      })}
      <AddProfile existing={names} />
    </FormSection>
  )
}

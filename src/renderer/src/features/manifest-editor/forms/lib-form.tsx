/** `[lib]`, or the 2014 `[[lib]]` array's one entry (the same form; Modernise rewrites it). */
import type { KeyPath, TomlTable } from '@shared/models/manifest-edit'
import { valueAt } from '../model/key-path'
import { BoolField, ListField, TextField } from './fields'
import { useForm } from './form-context'
import { FormSection } from './form-section'

/** `['lib']`, or `['lib', 0]` when written as the 2014 `[[lib]]`. */
export function libPath(document: TomlTable): KeyPath {
  return Array.isArray(document['lib']) ? ['lib', 0] : ['lib']
}

export function LibForm() {
  const { view } = useForm()
  const at = libPath(view.document)
  const legacy = at.length === 2
  const crateTypeKey =
    valueAt(view.document, [...at, 'crate_type']) !== undefined ? 'crate_type' : 'crate-type'
  return (
    <FormSection id="me-lib" title="Library" toml={legacy ? '[[lib]]' : '[lib]'}>
      {legacy && (
        <p className="me-hint">
          Written in the 2014 format as <code>[[lib]]</code>. Modernise turns it into <code>[lib]</code>.
        </p>
      )}
      <div className="me-row">
        <TextField
          label="Library name"
          path={[...at, 'name']}
          mono
          hint="Defaults to the package name, with - as _."
        />
        <TextField label="Library path" path={[...at, 'path']} mono placeholder="src/lib.rs" />
      </div>
      <ListField
        label="Crate types"
        path={[...at, crateTypeKey]}
        placeholder="lib"
        hint="One per line: lib, rlib, dylib, cdylib, staticlib, proc-macro."
      />
      <div className="me-row me-row-tight">
        <BoolField label="Procedural macro" path={[...at, 'proc-macro']} defaultLabel="no" />
        <BoolField label="Unit tests" path={[...at, 'test']} defaultLabel="yes" />
        <BoolField label="Doc tests" path={[...at, 'doctest']} defaultLabel="yes" />
        <BoolField label="Benchmarks" path={[...at, 'bench']} defaultLabel="yes" />
        <BoolField label="Documented" path={[...at, 'doc']} defaultLabel="yes" />
        <BoolField label="Test harness" path={[...at, 'harness']} defaultLabel="yes" />
      </div>
    </FormSection>
  )
}

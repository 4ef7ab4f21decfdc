/**
 * `[package]` (or the 2014 `[project]`), and `[workspace.package]`, whose keys members inherit
 * with `x.workspace = true`. Client checks for name and version answer as one types.
 */
import type { KeyPath, TomlJson, TomlTable } from '@shared/models/manifest-edit'
import { EDITIONS } from '@shared/models/package'
import { checkPackageName } from '@shared/rules/package-name'
import { checkVersion } from '@shared/rules/semver'
import { LICENSE_SUGGESTIONS } from '../../wizard/wizard-fields'
import { isTable, valueAt } from '../model/key-path'
import { BoolField, ListField, SelectField, TextField, type Choice } from './fields'
import type { Message } from './field-messages'
import { useForm } from './form-context'
import { FormSection } from './form-section'

const EDITION_CHOICES: readonly Choice[] = [
  { label: 'Not set (2015)', value: undefined },
  ...EDITIONS.map((e) => ({ label: e, value: e }))
]

export const RESOLVER_CHOICES: readonly Choice[] = [
  { label: 'Default (by edition)', value: undefined },
  { label: '1', value: '1' },
  { label: '2', value: '2' },
  { label: '3', value: '3' }
]

const PUBLISH_CHOICES: readonly Choice[] = [
  { label: 'Default (yes)', value: undefined },
  { label: 'Yes', value: true },
  { label: 'No', value: false }
]

const checkName = (text: string): Message | undefined => {
  const check = checkPackageName(text)
  if (check.error) return { severity: 'error', text: check.error }
  return check.warning ? { severity: 'warning', text: check.warning } : undefined
}

const checkSemver = (text: string): Message | undefined => {
  if (text === '') return undefined
  const error = checkVersion(text)
  return error ? { severity: 'error', text: error } : undefined
}

/** `readme = false` / `build = false` turn the default off; any other text is a path. */
const textOrBoolean = (text: string) =>
  text === 'false' ? false : text === 'true' ? true : text === '' ? undefined : text

/** Where the package table is: `[package]`, or `[project]` in very old manifests. */
export function packagePath(document: TomlTable): KeyPath {
  return !isTable(document['package']) && isTable(document['project']) ? ['project'] : ['package']
}

/** The `[[bin]]` names, offered for default-run. */
export function binNames(document: TomlTable): string[] {
  const bins = document['bin']
  if (!Array.isArray(bins)) return []
  return (bins as readonly TomlJson[]).flatMap((b) => {
    const name = isTable(b) ? b['name'] : undefined
    return typeof name === 'string' ? [name] : []
  })
}

/** The fields `[workspace.package]` shares with `[package]`; `prefix` keeps their labels distinct. */
function SharedFields({ at, prefix }: { readonly at: KeyPath; readonly prefix: string }) {
  const label = (text: string): string => (prefix ? `${prefix} ${text.toLowerCase()}` : text)
  return (
    <>
      <div className="me-row">
        <TextField
          label={label('Version')}
          path={[...at, 'version']}
          check={checkSemver}
          placeholder="e.g. 0.1.0"
          mono
        />
        <SelectField label={label('Edition')} path={[...at, 'edition']} choices={EDITION_CHOICES} />
        <TextField
          label={label('Rust version')}
          path={[...at, 'rust-version']}
          placeholder="e.g. 1.80"
          mono
          hint="The oldest rustc it supports."
        />
      </div>
      <ListField label={label('Authors')} path={[...at, 'authors']} placeholder="Name <email@example.com>" />
      <TextField label={label('Description')} path={[...at, 'description']} multiline />
      <div className="me-row">
        <TextField
          label={label('License')}
          path={[...at, 'license']}
          suggestions={LICENSE_SUGGESTIONS}
          placeholder="e.g. MIT OR Apache-2.0"
          hint="An SPDX expression."
        />
        <TextField label={label('License file')} path={[...at, 'license-file']} mono />
      </div>
      <div className="me-row">
        <TextField label={label('Repository')} path={[...at, 'repository']} placeholder="https://…" />
        <TextField label={label('Homepage')} path={[...at, 'homepage']} placeholder="https://…" />
        <TextField label={label('Documentation')} path={[...at, 'documentation']} placeholder="https://…" />
      </div>
      <div className="me-row">
        <TextField
          label={label('Readme')}
          path={[...at, 'readme']}
          parse={textOrBoolean}
          mono
          hint="A file, or false for none."
        />
        <SelectField
          label={label('Publish')}
          path={[...at, 'publish']}
          choices={PUBLISH_CHOICES}
          hint="A list of registries is kept as written."
        />
      </div>
      <div className="me-row">
        <ListField label={label('Keywords')} path={[...at, 'keywords']} />
        <ListField label={label('Categories')} path={[...at, 'categories']} />
      </div>
      <div className="me-row">
        <ListField label={label('Include')} path={[...at, 'include']} placeholder="src/**/*.rs" />
        <ListField label={label('Exclude')} path={[...at, 'exclude']} placeholder="tests/fixtures/*" />
      </div>
    </>
  )
}

export function PackageForm() {
  const { view } = useForm()
  const at = packagePath(view.document)
  const bins = binNames(view.document)
  const exists = valueAt(view.document, at) !== undefined
  return (
    <FormSection id="me-package" title="Package" toml={`[${at[0]}]`}>
      {!exists && <p className="me-hint">This manifest has no [package] table; filling a field adds it.</p>}
      <TextField label="Name" path={[...at, 'name']} check={checkName} mono placeholder="e.g. my-package" />
      <SharedFields at={at} prefix="" />
      <div className="me-row">
        <TextField
          label="Build script"
          path={[...at, 'build']}
          parse={textOrBoolean}
          mono
          hint="build.rs by default; false for none. The 2014 format runs a command (make)."
        />
        <TextField label="Links" path={[...at, 'links']} mono hint="The native library it links." />
        <TextField label="Default run" path={[...at, 'default-run']} suggestions={bins} mono />
      </div>
      <div className="me-row">
        <SelectField label="Resolver" path={[...at, 'resolver']} choices={RESOLVER_CHOICES} />
        <BoolField label="Auto-discover binaries" path={[...at, 'autobins']} defaultLabel="yes" />
      </div>
    </FormSection>
  )
}

export function WorkspacePackageFields() {
  return <SharedFields at={['workspace', 'package']} prefix="Workspace" />
}

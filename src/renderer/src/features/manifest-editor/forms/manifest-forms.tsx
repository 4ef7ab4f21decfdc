/**
 * Every section as a form, in manifest order, with a contents bar to jump between them. Memoised
 * on its context, so raw typing (which changes only the text) does not re-render the forms.
 */
import { memo } from 'react'
import { DependenciesForm } from './dependencies-form'
import { FeaturesForm } from './features-form'
import { FormContext, type FormContextValue } from './form-context'
import { LibForm } from './lib-form'
import { PackageForm } from './package-form'
import { ProfilesForm } from './profiles-form'
import { RawSectionsForm } from './raw-sections-form'
import { TargetList } from './targets-form'
import { WorkspaceForm } from './workspace-form'
import { isTable } from '../model/key-path'

const SECTIONS = [
  ['me-package', 'Package'],
  ['me-lib', 'Library'],
  ['me-bin', 'Binaries'],
  ['me-dependencies', 'Dependencies'],
  ['me-features', 'Features'],
  ['me-profiles', 'Profiles'],
  ['me-workspace', 'Workspace'],
  ['me-example', 'Examples'],
  ['me-test', 'Tests'],
  ['me-bench', 'Benchmarks'],
  ['me-raw-sections', 'Other']
] as const

/** What a virtual workspace manifest (no `[package]`) can hold; cargo refuses the rest there. */
const VIRTUAL_SECTIONS = new Set(['me-dependencies', 'me-profiles', 'me-workspace', 'me-raw-sections'])

function jump(id: string): void {
  document.getElementById(id)?.scrollIntoView({ block: 'start', behavior: 'smooth' })
}

export const ManifestForms = memo(function ManifestForms({
  context
}: {
  readonly context: FormContextValue
}) {
  const doc = context.view.document
  const isVirtual = isTable(doc['workspace']) && !isTable(doc['package']) && !isTable(doc['project'])
  const shown = (id: string) => !isVirtual || VIRTUAL_SECTIONS.has(id)
  return (
    <FormContext.Provider value={context}>
      <nav className="me-contents" aria-label="Manifest sections">
        {SECTIONS.filter(([id]) => shown(id)).map(([id, label]) => (
          <button key={id} type="button" className="link-button" onClick={() => jump(id)}>
            {label}
          </button>
        ))}
      </nav>
      <fieldset className="me-forms-fieldset" disabled={context.readOnly}>
        <legend className="visually-hidden">Manifest fields</legend>
        {isVirtual ? (
          <>
            <WorkspaceForm />
            <DependenciesForm />
            <ProfilesForm />
          </>
        ) : (
          <>
            <PackageForm />
            <LibForm />
            <TargetList kind="bin" />
            <DependenciesForm />
            <FeaturesForm />
            <ProfilesForm />
            <WorkspaceForm />
            <TargetList kind="example" />
            <TargetList kind="test" />
            <TargetList kind="bench" />
          </>
        )}
        <RawSectionsForm />
      </fieldset>
    </FormContext.Provider>
  )
})

/** `[workspace]`: members and their defaults. Its `dependencies` table is in the dependencies section. */
import { isTable } from '../model/key-path'
import { ListField, SelectField } from './fields'
import { useForm } from './form-context'
import { FormSection } from './form-section'
import { RESOLVER_CHOICES, WorkspacePackageFields } from './package-form'

export function WorkspaceForm() {
  const { view, edit } = useForm()
  const workspace = view.document['workspace']
  if (!isTable(workspace)) {
    return (
      <FormSection id="me-workspace" title="Workspace" toml="[workspace]">
        <p className="me-hint">This package is not a workspace root.</p>
        <div>
          <button type="button" onClick={() => edit([{ op: 'set', path: ['workspace'], value: {} }])}>
            Make it a workspace
          </button>
        </div>
      </FormSection>
    )
  }
  return (
    <FormSection id="me-workspace" title="Workspace" toml="[workspace]">
      <div className="me-row">
        <ListField label="Members" path={['workspace', 'members']} placeholder="crates/*" />
        <ListField label="Excluded" path={['workspace', 'exclude']} />
        <ListField label="Default members" path={['workspace', 'default-members']} />
      </div>
      <SelectField label="Workspace resolver" path={['workspace', 'resolver']} choices={RESOLVER_CHOICES} />
      <h3 className="me-subheading">
        Shared package keys <code>[workspace.package]</code>
      </h3>
      <p className="me-hint">Members use these with, for example, version.workspace = true.</p>
      <WorkspacePackageFields />
    </FormSection>
  )
}

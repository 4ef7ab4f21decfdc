/** "New Package": waits for the defaults (parent folder, git authors), then shows the wizard. */
import { useNewPackageDefaults } from '../../queries/app-queries'
import { ErrorMessage } from '../../components/error-message'
import { NewPackageWizard } from './new-package-wizard'
import './wizard.css'

interface Props {
  /** Where the package goes by default (a workspace root, when adding a member). */
  readonly parentDir?: string
  readonly onCancel: () => void
  readonly onCreated: (packageDir: string) => void
}

export function Wizard({ parentDir, onCancel, onCreated }: Props) {
  const defaults = useNewPackageDefaults()
  if (defaults.data)
    return (
      <NewPackageWizard
        defaults={parentDir ? { ...defaults.data, parentDir } : defaults.data}
        onCancel={onCancel}
        onCreated={onCreated}
      />
    )
  return (
    <main className="wizard">
      <h1>New Package</h1>
      {defaults.isPending && <p className="muted">Loading…</p>}
      {defaults.isError && <ErrorMessage error={defaults.error} title="Cannot prepare the wizard" />}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </main>
  )
}

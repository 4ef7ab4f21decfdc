/** Where the package lives, with the desktop's two ways in: the file manager and the editor. */
import type { PackageSummary } from '@shared/models/package'
import { ErrorMessage } from '../../components/error-message'
import { useOpenInEditor, useRevealInFolder } from '../../queries/project-queries'

export function ProjectLocation({ pkg }: { readonly pkg: PackageSummary }) {
  const reveal = useRevealInFolder()
  const edit = useOpenInEditor()
  return (
    <div className="project-path">
      <code title={pkg.manifestPath}>{pkg.rootDir}</code>
      <button type="button" className="link-button" onClick={() => reveal.mutate({ path: pkg.rootDir })}>
        Show in File Manager
      </button>
      <button type="button" className="link-button" onClick={() => edit.mutate({ path: pkg.manifestPath })}>
        Open Cargo.toml in Editor
      </button>
      {reveal.isError && <ErrorMessage error={reveal.error} title="Could not show the folder" />}
      {edit.isError && <ErrorMessage error={edit.error} title="Could not open the editor" />}
    </div>
  )
}

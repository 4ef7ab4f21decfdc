/** Where the package lives, with the desktop's two ways in: the file manager and the editor. */
import type { PackageSummary } from '@shared/models/package'
import { ErrorMessage } from '../../components/error-message'
import { useAppInfo } from '../../queries/app-queries'
import { useOpenInEditor, useRevealInFolder } from '../../queries/project-queries'

/** What the platform calls showing a file in its file manager. */
function revealLabel(platform: string | undefined): string {
  if (platform === 'darwin') return 'Reveal in Finder'
  if (platform === 'win32') return 'Show in Explorer'
  return 'Show in File Manager'
}

export function ProjectLocation({ pkg }: { readonly pkg: PackageSummary }) {
  const platform = useAppInfo().data?.platform
  const reveal = useRevealInFolder()
  const edit = useOpenInEditor()
  return (
    <div className="project-path">
      <code title={pkg.manifestPath}>{pkg.rootDir}</code>
      <button type="button" className="link-button" onClick={() => reveal.mutate({ path: pkg.rootDir })}>
        {revealLabel(platform)}
      </button>
      <button type="button" className="link-button" onClick={() => edit.mutate({ path: pkg.manifestPath })}>
        Open Cargo.toml in Editor
      </button>
      {reveal.isError && <ErrorMessage error={reveal.error} title="Could not show the folder" />}
      {edit.isError && <ErrorMessage error={edit.error} title="Could not open the editor" />}
    </div>
  )
}

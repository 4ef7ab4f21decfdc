/** The files `new` will write, before anything is written: a list, and the selected file's text. */
import { useState } from 'react'
import type { NewPackagePreview, NewPackageWorkspace } from '@shared/models/new-package'
import { DiffView } from '../manifest-editor/diff-view'

export function FilePreview({
  preview,
  vcs
}: {
  readonly preview: NewPackagePreview
  readonly vcs: boolean
}) {
  const [selected, setSelected] = useState<string | undefined>()
  const files = preview.files
  const current =
    files.find((f) => f.path === selected) ?? files.find((f) => f.path === 'Cargo.toml') ?? files[0]
  return (
    <div className="file-preview">
      <p className="file-preview-dir">
        <span className="muted">Creates</span> <code>{preview.directory}</code>
      </p>
      <ul className="file-list" aria-label="Files to create">
        {files.map((file) => (
          <li key={file.path}>
            <button
              type="button"
              className="file-list-item"
              aria-pressed={file.path === current?.path}
              onClick={() => setSelected(file.path)}
            >
              {file.path}
            </button>
          </li>
        ))}
      </ul>
      {current && (
        <pre className="file-contents" aria-label={`Contents of ${current.path}`} tabIndex={0}>
          {current.contents}
        </pre>
      )}
      {preview.workspace && <WorkspaceNote workspace={preview.workspace} />}
      <p className="git-note">
        {preview.initGit
          ? 'A git repository will be initialized (git init).'
          : vcs
            ? 'git init will be skipped: the location is already inside a git repository.'
            : 'No git repository will be initialized.'}
      </p>
    </div>
  )
}

/** Inside a workspace the package joins it, as `cargo new` does: what it inherits, and the root's change. */
function WorkspaceNote({ workspace }: { readonly workspace: NewPackageWorkspace }) {
  const change = workspace.rootChange
  return (
    <section className="workspace-note" aria-label="Workspace">
      <p>
        Joins the workspace at <code>{workspace.rootManifest}</code> as <code>{workspace.memberPath}</code>
        {workspace.inherited.length > 0 && (
          <>
            , inheriting <code>{workspace.inherited.join(', ')}</code>
          </>
        )}
        . {change ? 'The workspace’s `members` gains it:' : 'Its `members` already include this folder.'}
      </p>
      {change && (
        <DiffView oldText={change.before} newText={change.after} label="Change to the workspace root" />
      )}
    </section>
  )
}

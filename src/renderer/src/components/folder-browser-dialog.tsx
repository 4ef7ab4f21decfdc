/**
 * An in-app folder browser over `listDirectory`, for browser mode where there is no native
 * picker. A native <dialog> gives us focus trapping, Escape to close and an inert background.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useDirectoryListing } from '../queries/app-queries'
import { isAbsolutePath } from '../lib/paths'
import { ErrorMessage } from './error-message'
import './folder-browser-dialog.css'

interface Props {
  readonly title: string
  readonly initialPath: string
  readonly onChoose: (path: string) => void
  readonly onClose: () => void
}

export function FolderBrowserDialog({ title, initialPath, onChoose, onClose }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [path, setPath] = useState(initialPath)
  const [typed, setTyped] = useState(initialPath)
  const listing = useDirectoryListing(path)
  const current = listing.data

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const navigate = (next: string): void => {
    setPath(next)
    setTyped(next)
  }

  const submitTyped = (e: FormEvent): void => {
    e.preventDefault()
    const trimmed = typed.trim()
    if (isAbsolutePath(trimmed)) setPath(trimmed)
  }

  return (
    <dialog
      ref={dialogRef}
      className="folder-browser"
      aria-labelledby="folder-browser-title"
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      <h2 id="folder-browser-title">{title}</h2>
      <form className="folder-browser-path" onSubmit={submitTyped}>
        <label htmlFor="folder-browser-path-input">Path</label>
        <input
          id="folder-browser-path-input"
          value={typed}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setTyped(e.target.value)}
        />
        <button type="submit">Go</button>
        <button
          type="button"
          title="Parent folder"
          disabled={!current?.parent}
          onClick={() => current?.parent && navigate(current.parent)}
        >
          <span aria-hidden="true">↑</span> Up
        </button>
      </form>
      <div className="folder-browser-body">
        {listing.isError && <ErrorMessage error={listing.error} title="Cannot list this folder" />}
        {listing.isPending && <p className="muted">Loading…</p>}
        {current && current.hasManifest && (
          <p className="folder-browser-note">This folder contains a Cargo.toml.</p>
        )}
        {current && (
          <ul className="folder-browser-entries" aria-label="Folders">
            {current.entries.length === 0 && <li className="muted">No subfolders.</li>}
            {current.entries.map((entry) => (
              <li key={entry.path}>
                <button type="button" className="folder-browser-entry" onClick={() => navigate(entry.path)}>
                  <span aria-hidden="true" className="folder-icon">
                    ▸
                  </span>
                  <span className="folder-browser-name">{entry.name}</span>
                  {entry.hasManifest && <span className="badge badge-accent">Cargo.toml</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="dialog-actions">
        <span className="folder-browser-current" title={current?.path ?? path}>
          {current?.path ?? path}
        </span>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={!current}
          onClick={() => current && onChoose(current.path)}
        >
          Open
        </button>
      </div>
    </dialog>
  )
}

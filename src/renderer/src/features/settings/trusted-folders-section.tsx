/**
 * The folders whose code Crate Studio may run. Removing one stops builds there until it is
 * trusted again; trusting a folder here covers every project below it.
 */
import { useState } from 'react'
import { ErrorMessage } from '../../components/error-message'
import { useFolderPicker } from '../../components/use-folder-picker'
import { useAppInfo } from '../../queries/app-queries'
import { useForgetTrustedFolder, useTrustedFolders, useTrustFolder } from '../../queries/settings-queries'
import { ConfirmTrustDialog } from './confirm-trust-dialog'

export function TrustedFoldersSection() {
  const folders = useTrustedFolders()
  const forget = useForgetTrustedFolder()
  const trust = useTrustFolder()
  const picker = useFolderPicker()
  const desktop = useAppInfo().data?.mode === 'desktop'
  const [asking, setAsking] = useState<string | undefined>()
  const add = () =>
    void picker.pick('Trust a folder').then((path) => {
      if (!path) return
      // The desktop app asks natively in main; the page asks here in browser mode.
      if (desktop) trust.mutate(path)
      else setAsking(path)
    })
  return (
    <section className="panel settings-trusted" aria-labelledby="trusted-title">
      <h2 id="trusted-title">Trusted folders</h2>
      <p className="muted">
        Building runs a project’s build scripts and proc-macros. Crate Studio does that only for projects in
        these folders.
      </p>
      {folders.isError && <ErrorMessage error={folders.error} />}
      {forget.isError && <ErrorMessage error={forget.error} />}
      {trust.isError && <ErrorMessage error={trust.error} title="The folder was not trusted" />}
      {folders.data?.length === 0 && <p className="muted">No trusted folders yet.</p>}
      {folders.data && folders.data.length > 0 && (
        <ul className="trusted-list" aria-label="Trusted folders">
          {folders.data.map((f) => (
            <li key={f.path}>
              <code>{f.path}</code>
              <span className="muted">since {new Date(f.trustedAt).toLocaleDateString()}</span>
              <button type="button" disabled={forget.isPending} onClick={() => forget.mutate(f.path)}>
                Remove<span className="visually-hidden"> {f.path} from trusted folders</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={add} disabled={trust.isPending}>
        Trust a Folder…
      </button>
      {picker.element}
      {asking !== undefined && (
        <ConfirmTrustDialog
          folder={asking}
          onCancel={() => setAsking(undefined)}
          onTrust={() => {
            trust.mutate(asking)
            setAsking(undefined)
          }}
        />
      )}
    </section>
  )
}

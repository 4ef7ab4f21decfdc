/**
 * Which members use which version of each crate, from the resolve; a crate several members
 * declare themselves can be promoted to `[workspace.dependencies]`.
 */
import { useState } from 'react'
import type { CrateUsage } from '@shared/models/workspace'
import { ErrorMessage } from '../../components/error-message'
import { useWorkspaceDependencies } from '../../queries/workspace-queries'
import { PromoteDialog } from './promote-dialog'

interface Props {
  readonly rootManifest: string
  readonly rootDir: string
}

/** Several members declare it without `workspace = true`: promoting it is worth offering. */
function promotable(c: CrateUsage): boolean {
  return (
    new Set(c.uses.filter((u) => !u.inherited).map((u) => u.member)).size > 0 &&
    new Set(c.uses.map((u) => u.member)).size > 1
  )
}

export function SharedCrates({ rootManifest, rootDir }: Props) {
  const usage = useWorkspaceDependencies(rootManifest)
  const [promoting, setPromoting] = useState<string | undefined>()
  if (usage.isPending) return <p className="muted">Resolving the workspace’s dependencies…</p>
  if (usage.isError) return <ErrorMessage error={usage.error} title="Could not resolve the workspace" />
  const shared = usage.data.crates.filter((c) => new Set(c.uses.map((u) => u.member)).size > 1)
  return (
    <section className="ws-shared" aria-labelledby="ws-shared-title">
      <h2 id="ws-shared-title">Crates several members use</h2>
      {shared.length === 0 && <p className="muted">No crate is used by more than one member.</p>}
      <table className="ws-crates" aria-label="Crates several members use" hidden={shared.length === 0}>
        <thead>
          <tr>
            <th scope="col">Crate</th>
            <th scope="col">Versions</th>
            <th scope="col">Members (requirement → version)</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shared.map((c) => (
            <tr key={c.name}>
              <th scope="row">
                <code>{c.name}</code>
              </th>
              <td className={c.versions.length > 1 ? 'ws-versions-split' : undefined}>
                {c.versions.join(', ') || '—'}
                {c.versions.length > 1 && (
                  <span className="badge badge-warning">{c.versions.length} versions</span>
                )}
              </td>
              <td>
                <ul className="ws-uses">
                  {c.uses.map((u, i) => (
                    <li key={i}>
                      {u.member}
                      {u.kind !== 'normal' && <span className="muted"> ({u.kind})</span>}:{' '}
                      {u.inherited ? (
                        <span className="badge">workspace</span>
                      ) : (
                        <code>{u.versionReq ?? '*'}</code>
                      )}
                      {u.resolved && <> → {u.resolved}</>}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {promotable(c) && (
                  <button
                    type="button"
                    disabled={c.notPromotable !== undefined}
                    title={c.notPromotable ?? 'Move it into [workspace.dependencies]'}
                    aria-label={`Promote ${c.name} to a workspace dependency`}
                    onClick={() => setPromoting(c.name)}
                  >
                    Promote…
                  </button>
                )}
                {c.notPromotable !== undefined && promotable(c) && (
                  <p className="muted small">{c.notPromotable}</p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {promoting && (
        <PromoteDialog
          rootManifest={rootManifest}
          rootDir={rootDir}
          name={promoting}
          onClose={() => setPromoting(undefined)}
        />
      )}
    </section>
  )
}

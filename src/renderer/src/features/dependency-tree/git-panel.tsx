/**
 * The Dependencies tab's git panel: every git repository the project resolves to, the commit
 * Cargo.lock pins, how many commits its branch or tag gained upstream, and two actions: Update
 * (`cargo update -p NAME`) and Pin to this commit (`rev = "…"` in Cargo.toml, after a diff).
 * Fetches show their progress and can be cancelled. A project without git dependencies shows
 * nothing here.
 */
import { useId } from 'react'
import { ErrorMessage } from '../../components/error-message'
import { isApiError } from '../../lib/api'
import { GitPinDialog } from './git-panel-pin-dialog'
import { useGitPanel, type GitPanelController } from './git-panel-queries'
import { GitPanelRow } from './git-panel-row'
import { requestName } from './model/git-panel-status'
import './git-panel.css'

const isCancelled = (e: unknown): boolean => isApiError(e) && e.code === 'cancelled'

/** A failed action: cancelling is the person's own choice and is said quietly, not as an error. */
function Failure(props: { readonly error: unknown; readonly title: string; readonly cancelled: string }) {
  if (isCancelled(props.error)) {
    return (
      <p className="gp-note small muted" role="status">
        {props.cancelled}
      </p>
    )
  }
  return <ErrorMessage error={props.error} title={props.title} />
}

function Progress({ panel }: { readonly panel: GitPanelController }) {
  if (!panel.busy) return null
  const fallback = panel.update.isPending
    ? 'Updating…'
    : panel.pin.isPending
      ? 'Preparing the pin…'
      : panel.upstream.isFetching
        ? 'Looking for newer commits…'
        : 'Reading Cargo.lock…'
  return (
    <div className="gp-progress" role="status">
      <span className="gp-spinner" aria-hidden="true" />
      <span className="gp-progress-text">{panel.progress ?? fallback}</span>
      <button type="button" onClick={panel.cancel}>
        Cancel
      </button>
    </div>
  )
}

export function GitPanel({ manifestPath }: { readonly manifestPath: string }) {
  const headingId = useId()
  const panel = useGitPanel(manifestPath)
  const { list, upstream, update, pin } = panel
  const deps = list.data?.dependencies ?? []
  if (list.isError && deps.length === 0) {
    return (
      <section className="gp-panel" aria-labelledby={headingId}>
        <h2 id={headingId} className="gp-heading">
          Git dependencies
        </h2>
        <Failure
          error={list.error}
          title="Could not list the git dependencies"
          cancelled="Listing the git dependencies was cancelled."
        />
        <div>
          <button type="button" onClick={() => void list.refetch()} disabled={panel.busy}>
            Try again
          </button>
        </div>
      </section>
    )
  }
  if (deps.length === 0) return null

  const checks = upstream.data?.checks ?? []
  const pinning = pin.variables
  return (
    <section className="gp-panel" aria-labelledby={headingId}>
      <header className="gp-header">
        <h2 id={headingId} className="gp-heading">
          Git dependencies <span className="count">{deps.length}</span>
        </h2>
        {panel.checkable && (
          <button
            type="button"
            className="gp-check"
            disabled={panel.busy}
            onClick={() => void upstream.refetch()}
          >
            Check for newer commits
          </button>
        )}
      </header>
      <Progress panel={panel} />
      {list.isError && !list.isFetching && (
        <Failure
          error={list.error}
          title="Could not read the git dependencies again; this is the last list"
          cancelled="Reading the git dependencies again was cancelled; this is the last list."
        />
      )}
      {upstream.isError && !upstream.isFetching && (
        <Failure
          error={upstream.error}
          title="Could not look for newer commits"
          cancelled="Looking for newer commits was cancelled."
        />
      )}
      {update.isError && (
        <Failure
          error={update.error}
          title={`Could not update ${update.variables}`}
          cancelled={`The update of ${update.variables} was cancelled.`}
        />
      )}
      {pin.isError && (
        <Failure
          error={pin.error}
          title={`Could not pin ${pin.variables}`}
          cancelled={`Pinning ${pin.variables} was cancelled.`}
        />
      )}
      <ul className="gp-list" aria-label="Git dependencies">
        {deps.map((dep) => {
          const name = requestName(dep, deps)
          const updated = update.data
          return (
            <GitPanelRow
              key={dep.source}
              dep={dep}
              check={checks.find((c) => c.source === dep.source)}
              checking={upstream.isFetching}
              updating={update.isPending && update.variables === name}
              disabled={update.isPending || pin.isPending || panel.graphResolving}
              updated={
                updated?.source === dep.source && updated.to === dep.lockedCommit ? updated : undefined
              }
              onUpdate={() => {
                pin.reset()
                update.mutate(name)
              }}
              onPin={() => {
                update.reset()
                pin.mutate(name)
              }}
            />
          )
        })}
      </ul>
      {pin.data && pinning !== undefined && (
        <GitPinDialog name={pinning} preview={pin.data} onSaved={panel.pinned} onClose={() => pin.reset()} />
      )}
    </section>
  )
}

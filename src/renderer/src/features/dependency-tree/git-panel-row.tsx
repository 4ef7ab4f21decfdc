/**
 * One git source: its packages, URL and reference, the commit Cargo.lock pins, how it stands
 * against upstream, and its two actions. The row is a list item named after its packages, so
 * a person (and a test) finds "gitdep" and its buttons together.
 */
import type { GitDependency, GitUpdateResult, GitUpstreamCheck } from '@shared/models/git-dependencies'
import { canPin, canUpdate, referenceText, shortCommit, upstreamText } from './model/git-panel-status'

interface Props {
  readonly dep: GitDependency
  readonly check: GitUpstreamCheck | undefined
  readonly checking: boolean
  /** This row's Update is running. */
  readonly updating: boolean
  /** Something else runs that Update or Pin must wait for. */
  readonly disabled: boolean
  /** The last Update of this source, while it still describes the lock. */
  readonly updated: GitUpdateResult | undefined
  readonly onUpdate: () => void
  readonly onPin: () => void
}

function UpdatedNote({ updated }: { readonly updated: GitUpdateResult }) {
  return (
    <p className="gp-note small muted" role="status">
      {updated.from === updated.to
        ? 'Update: already at the newest commit.'
        : `Updated from ${shortCommit(updated.from)} to ${shortCommit(updated.to)}.`}
    </p>
  )
}

export function GitPanelRow(props: Props) {
  const { dep, check, checking, updating, disabled, updated } = props
  const label = dep.packages.map((p) => p.name).join(', ')
  const status = upstreamText(dep, check, checking)
  const behind = status.tone === 'behind' || status.tone === 'warn'
  return (
    <li className="gp-row" aria-label={label}>
      <div className="gp-what">
        <div className="gp-title">
          {dep.packages.map((p) => (
            <span key={p.name} className="gp-package">
              <strong>{p.name}</strong> <span className="muted">{p.version}</span>
            </span>
          ))}
          <span className="badge">{referenceText(dep)}</span>
          {dep.declaredAs.length === 0 && (
            <span className="badge" title="Another package declares it; it is not in this Cargo.toml.">
              indirect
            </span>
          )}
        </div>
        <code className="gp-url" title={dep.url}>
          {dep.url}
        </code>
      </div>
      <div className="gp-commit">
        <span className="muted small">Locked</span>{' '}
        <code title={dep.lockedCommit} aria-label={`locked commit ${dep.lockedCommit}`}>
          {shortCommit(dep.lockedCommit)}
        </code>
      </div>
      <div className={`gp-status gp-tone-${status.tone}`} title={status.detail}>
        <span className="gp-status-text">{status.text}</span>
        {status.tone === 'error' && status.detail && <span className="small">{status.detail}</span>}
      </div>
      <div className="gp-actions">
        {canUpdate(dep) && (
          <button
            type="button"
            className={behind ? 'primary' : undefined}
            disabled={disabled || updating}
            onClick={props.onUpdate}
            title="Move Cargo.lock to the newest commit of this reference (cargo update -p)"
          >
            {updating ? 'Updating…' : 'Update'}
          </button>
        )}
        {canPin(dep) && (
          <button
            type="button"
            disabled={disabled || updating}
            onClick={props.onPin}
            title={`Write rev = "${dep.lockedCommit}" into Cargo.toml`}
          >
            Pin to this commit
          </button>
        )}
      </div>
      {updated && <UpdatedNote updated={updated} />}
    </li>
  )
}

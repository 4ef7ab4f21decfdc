/**
 * Whether this folder's code may run, in one line under the toolbar: restricted until trusted
 * (opening and editing never run project code), then which trusted folder covers it, revocable.
 */
import type { BuildActions } from './use-build-actions'

export function TrustStatus({ actions }: { readonly actions: BuildActions }) {
  const { trust } = actions
  if (!trust) return null
  if (!trust.trusted)
    return (
      <p className="trust-status trust-restricted" role="status">
        <span className="badge badge-warning">Restricted</span> This folder is not trusted: Crate Studio shows
        and edits it but runs none of its code until you build, run or test it and say you trust it.
      </p>
    )
  return (
    <p className="trust-status" role="status">
      <span className="badge">Trusted</span> Builds may run this project’s code (trusted folder{' '}
      <code>{trust.trustedBy}</code>).{' '}
      <button
        type="button"
        className="link-button"
        disabled={actions.trustBusy}
        onClick={actions.revokeTrust}
      >
        Revoke trust
      </button>
    </p>
  )
}

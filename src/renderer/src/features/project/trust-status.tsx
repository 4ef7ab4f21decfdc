/**
 * Whether this folder's code may run, as one badge in the project's title row: restricted until
 * trusted (opening and editing never run project code), then trusted, with a way to revoke.
 */
import type { BuildActions } from './use-build-actions'

export function TrustStatus({ actions }: { readonly actions: BuildActions }) {
  const { trust } = actions
  if (!trust) return null
  if (!trust.trusted)
    return (
      <span
        className="badge badge-warning"
        role="status"
        title="Crate Studio shows and edits this folder but runs none of its code until you build, run or test it and say you trust it."
      >
        Restricted
      </span>
    )
  return (
    <span className="trust-status" role="status">
      <span
        className="badge"
        title={`Builds may run this project’s code (trusted folder ${trust.trustedBy ?? ''}).`}
      >
        Trusted
      </span>
      <button
        type="button"
        className="link-button"
        disabled={actions.trustBusy}
        onClick={actions.revokeTrust}
      >
        Revoke trust
      </button>
    </span>
  )
}

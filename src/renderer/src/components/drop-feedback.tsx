/** What the window says while something is dragged over it, and when a drop could not be read. */
import type { OpenRequestsState } from '../lib/use-open-requests'

export function DropFeedback({ drop }: { readonly drop: OpenRequestsState }) {
  return (
    <>
      {drop.dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a package folder or Cargo.toml to open it
        </div>
      )}
      {drop.dropProblem && (
        <div className="drop-problem" role="alert">
          {drop.dropProblem}
          <button type="button" className="link-button" onClick={drop.clearDropProblem}>
            Dismiss
          </button>
        </div>
      )}
    </>
  )
}

/** Shows a failed call the same way everywhere: the message, where it points, and the hint. */
import { describeError } from '@shared/ipc/result'
import { toAppError } from '../lib/api'

export function ErrorMessage({ error, title }: { readonly error: unknown; readonly title?: string }) {
  const appError = toAppError(error)
  const hint = appError.details?.hint
  const issues = appError.details?.issues ?? []
  return (
    <div className="error-message" role="alert">
      {title && <strong className="error-message-title">{title}</strong>}
      <p>{describeError(appError)}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue, i) => (
            <li key={i}>
              <code>{issue.path}</code>: {issue.message}
            </li>
          ))}
        </ul>
      )}
      {hint && <p className="error-message-hint">{hint}</p>}
    </div>
  )
}

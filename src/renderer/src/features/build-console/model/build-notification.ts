/**
 * Whether a finished build or run deserves a desktop notification, and what it says. Only
 * long operations do: a short one finished while the person was still looking. A cancelled
 * one was ended by the person, so it says nothing either.
 */
import { formatElapsed } from '@shared/format/status'
import type { OperationState } from '../operation-state'

/** Operations that took longer than this notify when they finish. */
export const NOTIFY_AFTER_MS = 10_000

/** What the notification says; the renderer's Notification API shows it. */
export interface NotificationText {
  readonly title: string
  readonly body: string
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** The package the build was for: the plan lists dependencies first, so the root comes last. */
function packageOf(op: OperationState): string | undefined {
  return op.units?.[op.units.length - 1]?.packageName
}

function problems(op: OperationState): string | undefined {
  const parts = [
    ...(op.errorCount > 0 ? [plural(op.errorCount, 'error')] : []),
    ...(op.warningCount > 0 ? [plural(op.warningCount, 'warning')] : [])
  ]
  return parts.length > 0 ? parts.join(', ') : undefined
}

/** The notification for a finished operation, or undefined when it should stay quiet. */
export function finishNotification(op: OperationState): NotificationText | undefined {
  const result = op.result
  if (!result || result.error?.code === 'cancelled' || result.elapsedMs <= NOTIFY_AFTER_MS) return undefined
  const name = packageOf(op)
  const took = formatElapsed(result.elapsedMs)
  const who = name ? `${name}: ` : ''
  const found = problems(op)
  const why = result.error && result.error.code !== 'build-failed' ? result.error.message : found
  if (op.kind === 'run') {
    const exit = op.exit
    const ended = exit
      ? exit.signal
        ? `the program was killed by ${exit.signal}`
        : `the program exited with code ${exit.exitCode ?? '?'}`
      : undefined
    return result.success
      ? { title: 'Run finished', body: `${who}${ended ?? 'finished'} after ${took}` }
      : { title: 'Run failed', body: `${who}${ended ?? why ?? 'failed'} after ${took}` }
  }
  const noun = op.kind === 'test' ? 'Tests' : 'Build'
  if (result.success) {
    const title = op.kind === 'test' ? 'Tests passed' : 'Build succeeded'
    return { title, body: `${who}finished in ${took}${found ? ` with ${found}` : ''}` }
  }
  return { title: `${noun} failed`, body: `${who}${why ?? 'failed'} after ${took}` }
}

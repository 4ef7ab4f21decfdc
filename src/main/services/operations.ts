/**
 * Long-running operations (build, run) keyed by id: each gets an AbortController, streams
 * its events to the renderers in batches, and always ends with one `finished` event,
 * whatever happened.
 */
import { randomUUID } from 'node:crypto'
import type { OperationEvent, OperationHandle, OperationKind } from '@shared/models/build'
import type { Publish } from '@shared/ipc/contract'
import type { AppError } from '@shared/ipc/result'
import { toAppError } from '../engine/errors'
import { EventBatcher } from './event-batcher'

export interface OperationIo {
  readonly emit: (event: OperationEvent) => void
  readonly signal: AbortSignal
}

/** What an operation reports when its work returns. */
export interface OperationOutcome {
  readonly success: boolean
  readonly error?: AppError
}

export type OperationWork = (io: OperationIo) => Promise<OperationOutcome>

export class OperationStore {
  private readonly running = new Map<string, AbortController>()

  constructor(
    private readonly publish: Publish,
    private readonly logError: (context: string, e: unknown) => void = () => {},
    private readonly now: () => number = () => performance.now()
  ) {}

  start(kind: OperationKind, work: OperationWork): OperationHandle {
    const operationId = randomUUID()
    const controller = new AbortController()
    this.running.set(operationId, controller)
    const batcher = new EventBatcher<OperationEvent>((events) =>
      this.publish('operationEvents', { operationId, events })
    )
    const started = this.now()
    const finish = (success: boolean, error?: AppError) => {
      this.running.delete(operationId)
      batcher.push({
        type: 'finished',
        success,
        elapsedMs: this.now() - started,
        ...(error ? { error } : {})
      })
      batcher.flush()
    }
    // Started on the next tick so the caller has the id before the first event arrives.
    setImmediate(() => {
      work({ emit: (e) => batcher.push(e), signal: controller.signal }).then(
        (outcome) => {
          const cancelled = controller.signal.aborted
          const error = cancelled
            ? { code: 'cancelled' as const, message: `The ${kind} was cancelled.` }
            : outcome.error
          finish(outcome.success && !cancelled, error)
        },
        (e: unknown) => finish(false, toAppError(e, kind, this.logError))
      )
    })
    return { operationId, kind }
  }

  cancel(operationId: string): boolean {
    const controller = this.running.get(operationId)
    if (!controller) return false
    controller.abort()
    return true
  }

  /** Cancels everything, e.g. when the window closes or the app quits. */
  cancelAll(): void {
    for (const c of this.running.values()) c.abort()
  }

  get activeCount(): number {
    return this.running.size
  }
}

import { describe, expect, it } from 'vitest'
import type { OperationEvent } from '@shared/models/build'
import {
  NOTIFY_AFTER_MS,
  finishNotification
} from '../../../../src/renderer/src/features/build-console/model/build-notification'
import { operation, unit } from './helpers'

const plan: OperationEvent = { type: 'planned', units: [unit('dep'), unit('app', { kind: 'bin' })] }
const finished = (
  elapsedMs: number,
  success: boolean,
  error?: { code: 'build-failed' | 'cancelled' | 'io'; message: string }
): OperationEvent => ({
  type: 'finished',
  success,
  elapsedMs,
  ...(error ? { error } : {})
})
const error = (id: number): OperationEvent => ({
  type: 'diagnostic',
  diagnostic: { id, level: 'error', message: 'mismatched types' }
})
const warning = (id: number): OperationEvent => ({
  type: 'diagnostic',
  diagnostic: { id, level: 'warning', message: 'unused variable' }
})

describe('finishNotification', () => {
  it('says nothing while the operation runs', () => {
    expect(finishNotification(operation([plan]))).toBeUndefined()
  })

  it(`says nothing for operations of ${NOTIFY_AFTER_MS / 1000}s or less`, () => {
    expect(finishNotification(operation([plan, finished(NOTIFY_AFTER_MS, true)]))).toBeUndefined()
    expect(finishNotification(operation([plan, finished(800, false)]))).toBeUndefined()
    expect(finishNotification(operation([plan, finished(NOTIFY_AFTER_MS + 1, true)]))).toBeDefined()
  })

  it('says nothing for a cancelled operation, however long', () => {
    const cancelled = finished(60_000, false, { code: 'cancelled', message: 'The build was cancelled.' })
    expect(finishNotification(operation([plan, cancelled]))).toBeUndefined()
    expect(finishNotification(operation([plan, cancelled], 'run'))).toBeUndefined()
  })

  it('names the package (the last planned unit) and the time a successful build took', () => {
    expect(finishNotification(operation([plan, finished(12_340, true)]))).toEqual({
      title: 'Build succeeded',
      body: 'app: finished in 12.34s'
    })
    expect(finishNotification(operation([plan, warning(1), warning(2), finished(12_340, true)]))).toEqual({
      title: 'Build succeeded',
      body: 'app: finished in 12.34s with 2 warnings'
    })
  })

  it('counts the problems of a failed build', () => {
    const op = operation([
      plan,
      error(1),
      warning(2),
      finished(75_000, false, { code: 'build-failed', message: 'could not compile `app`' })
    ])
    expect(finishNotification(op)).toEqual({
      title: 'Build failed',
      body: 'app: 1 error, 1 warning after 1m 15s'
    })
  })

  it("gives the error's message when the build failed for another reason", () => {
    const op = operation([finished(11_000, false, { code: 'io', message: 'the disk is full' })])
    expect(finishNotification(op)).toEqual({ title: 'Build failed', body: 'the disk is full after 11.00s' })
  })

  it('reports how the program of a run ended', () => {
    const exited: OperationEvent = { type: 'program-exited', exitCode: 0, signal: null }
    expect(finishNotification(operation([plan, exited, finished(20_000, true)], 'run'))).toEqual({
      title: 'Run finished',
      body: 'app: the program exited with code 0 after 20.00s'
    })
    const killed: OperationEvent = { type: 'program-exited', exitCode: null, signal: 'SIGSEGV' }
    expect(finishNotification(operation([plan, killed, finished(20_000, false)], 'run'))).toEqual({
      title: 'Run failed',
      body: 'app: the program was killed by SIGSEGV after 20.00s'
    })
  })

  it('reports a run whose build failed as a failed run', () => {
    const op = operation([plan, error(1), finished(30_000, false)], 'run')
    expect(finishNotification(op)).toEqual({ title: 'Run failed', body: 'app: 1 error after 30.00s' })
  })

  it('words tests as tests', () => {
    expect(finishNotification(operation([plan, finished(15_000, true)], 'test'))?.title).toBe('Tests passed')
    expect(finishNotification(operation([plan, finished(15_000, false)], 'test'))?.title).toBe('Tests failed')
  })
})

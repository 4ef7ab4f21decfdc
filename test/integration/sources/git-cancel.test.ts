/** Cancelling a git step kills the running git process instead of waiting for it. */
import { describe, expect, it } from 'vitest'
import { isEngineError } from '../../../src/main/engine/errors'
import { runGit } from '../../../src/main/engine/sources/git/run-git'
import { fixtureGit } from '../../helpers/git-repo'
import { tempDir } from '../../helpers/temp-dir'

describe('cancelling git', () => {
  it('kills a git that would otherwise never finish', async () => {
    const dir = await tempDir()
    await fixtureGit(dir, ['init', '--quiet'])
    const controller = new AbortController()
    // `cat-file --batch` waits for input that never comes: only a kill ends it.
    const running = runGit(dir, ['cat-file', '--batch'], { signal: controller.signal })
    setTimeout(() => controller.abort(), 200)
    const error = await running.catch((e: unknown) => e)
    expect(isEngineError(error) && error.code).toBe('cancelled')
  })

  it('does not start git once cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    const error = await runGit('/nonexistent', ['status'], { signal: controller.signal }).catch(
      (e: unknown) => e
    )
    expect(isEngineError(error) && error.code).toBe('cancelled')
  })
})

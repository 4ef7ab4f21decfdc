/**
 * The git cache's lock across processes: a lock file held by a live process makes a fetch wait
 * (and say so), one left by a dead process is taken over, and waiting can be cancelled.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { isEngineError } from '../../../src/main/engine/errors'
import { withCacheLock } from '../../../src/main/engine/sources/git/cache-lock'
import { tempDir } from '../../helpers/temp-dir'

async function lockFile(owner: number): Promise<string> {
  const dir = join(await tempDir(), 'git', '.locks')
  await mkdir(dir, { recursive: true })
  const path = join(dir, 'repo-0123456789abcdef.lock')
  await writeFile(path, String(owner))
  return path
}

describe('the git cache lock', () => {
  it('waits for a live owner in another process, then runs', async () => {
    const other = execa('sleep', ['30'], { reject: false })
    try {
      const path = await lockFile(other.pid!)
      let waited = 0
      const order: string[] = []
      const run = withCacheLock(
        path,
        async () => {
          order.push('ran')
          return readFile(path, 'utf8')
        },
        { onWait: () => waited++ }
      )
      await new Promise((r) => setTimeout(r, 300))
      order.push('released')
      other.kill()
      await other
      expect(await run).toBe(String(process.pid))
      expect(order).toEqual(['released', 'ran'])
      expect(waited).toBe(1)
    } finally {
      other.kill()
    }
  })

  it('takes over a lock whose owner died', async () => {
    const dead = execa('true')
    await dead
    const path = await lockFile(dead.pid!)
    expect(await withCacheLock(path, () => Promise.resolve('ran'))).toBe('ran')
  })

  it('stops waiting when cancelled', async () => {
    const other = execa('sleep', ['30'], { reject: false })
    try {
      const path = await lockFile(other.pid!)
      const controller = new AbortController()
      const run = withCacheLock(path, () => Promise.resolve('ran'), {
        signal: controller.signal,
        onWait: () => controller.abort()
      })
      const error = await run.catch((e: unknown) => e)
      expect(isEngineError(error) && error.code).toBe('cancelled')
      expect(await readFile(path, 'utf8')).toBe(String(other.pid))
    } finally {
      other.kill()
    }
  })

  it('serializes callers in one process, in order', async () => {
    const path = join(await tempDir(), 'x.lock')
    const order: number[] = []
    const slow = (n: number, ms: number) => () =>
      new Promise<void>((r) =>
        setTimeout(() => {
          order.push(n)
          r()
        }, ms)
      )
    await Promise.all([
      withCacheLock(path, slow(1, 60)),
      withCacheLock(path, slow(2, 1)),
      withCacheLock(path, slow(3, 1))
    ])
    expect(order).toEqual([1, 2, 3])
  })
})

/** The git panel's question: has the branch a dependency follows moved past the locked commit? */
import { describe, expect, it } from 'vitest'
import { newerCommits } from '../../../src/main/engine/sources/git/newer-commits'
import { gitRepo, manifest } from '../../helpers/git-repo'
import { tempDir } from '../../helpers/temp-dir'

describe('newerCommits', () => {
  it('counts the commits a branch gained since the locked one, and notices a rewritten history', async () => {
    const repo = await gitRepo()
    const locked = await repo.commit({ 'Cargo.toml': manifest('foo') })
    const cacheDir = await tempDir('cs-git-cache-')
    const main = { type: 'branch', value: 'main' } as const

    expect(await newerCommits({ cacheDir }, repo.url, main, locked)).toEqual({
      latest: locked,
      ahead: 0,
      rewritten: false
    })

    await repo.commit({ 'a.txt': 'a' })
    const latest = await repo.commit({ 'b.txt': 'b' })
    expect(await newerCommits({ cacheDir }, repo.url, main, locked)).toEqual({
      latest,
      ahead: 2,
      rewritten: false
    })

    await repo.resetHard(locked)
    const rewritten = await repo.commit({ 'c.txt': 'c' }, 'replacement')
    await repo.resetHard(rewritten)
    const after = await newerCommits({ cacheDir }, repo.url, main, latest)
    expect(after).toEqual({ latest: rewritten, ahead: 1, rewritten: true })
  })
})

/** The trusted-folders list: a folder is trusted by its own entry or one above it; revoking undoes both. */
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { onlyOurTemplate, TrustedFolders } from '../../../src/main/services/trusted-folders'
import { tempDir } from '../../helpers/temp-dir'

async function folders() {
  const base = await tempDir()
  for (const dir of ['code/app', 'code/other', 'elsewhere']) await mkdir(join(base, dir), { recursive: true })
  return { base, trust: new TrustedFolders(join(base, 'config')) }
}

describe('trusted folders', () => {
  it('trusts a folder and everything below it, by real path, and remembers it', async () => {
    const { base, trust } = await folders()
    expect(await trust.trustedBy(join(base, 'code', 'app'))).toBeUndefined()
    await trust.trust(join(base, 'code'))
    expect(await trust.trustedBy(join(base, 'code', 'app'))).toBe(join(base, 'code'))
    expect(await trust.trustedBy(join(base, 'elsewhere'))).toBeUndefined()
    // A link into a trusted folder is that folder; a link out of it is not trusted by it.
    await symlink(join(base, 'code', 'app'), join(base, 'elsewhere', 'app-link'))
    expect(await trust.trustedBy(join(base, 'elsewhere', 'app-link'))).toBe(join(base, 'code'))
    await symlink(join(base, 'elsewhere'), join(base, 'code', 'out-link'))
    expect(await trust.trustedBy(join(base, 'code', 'out-link'))).toBeUndefined()
    // Another instance (the next app start) reads the same list.
    expect(await new TrustedFolders(join(base, 'config')).trustedBy(join(base, 'code', 'other'))).toBe(
      join(base, 'code')
    )
  })

  it('refuses with `untrusted` and a hint until trusted', async () => {
    const { base, trust } = await folders()
    await expect(trust.require(join(base, 'code', 'app'), 'build')).rejects.toMatchObject({
      code: 'untrusted',
      details: { hint: expect.stringMatching(/Trust the folder only if you trust its authors/) as string }
    })
    await trust.trust(join(base, 'code', 'app'))
    await expect(trust.require(join(base, 'code', 'app'), 'build')).resolves.toBeUndefined()
  })

  it('revokes the folder’s entry and any entry that covers it', async () => {
    const { base, trust } = await folders()
    await trust.trust(join(base, 'code'))
    await trust.trust(join(base, 'code', 'app'))
    await trust.trust(join(base, 'elsewhere'))
    await trust.revoke(join(base, 'code', 'app'))
    expect(await trust.trustedBy(join(base, 'code', 'app'))).toBeUndefined()
    expect(await trust.trustedBy(join(base, 'elsewhere'))).toBe(join(base, 'elsewhere'))
    expect((await trust.list()).map((t) => t.path)).toEqual([join(base, 'elsewhere')])
  })

  it('reads a damaged list as empty: nothing is trusted by accident', async () => {
    const { base, trust } = await folders()
    await mkdir(join(base, 'config'))
    await writeFile(join(base, 'config', 'trusted-folders.json'), '[{"path": "/", "trustedAt": "soon"}]')
    expect(await trust.trustedBy(join(base, 'code'))).toBeUndefined()
    await trust.trust(join(base, 'code'))
    expect(JSON.parse(await readFile(join(base, 'config', 'trusted-folders.json'), 'utf8'))).toHaveLength(1)
  })

  it('counts a new package as only our template unless a folder above it brings a config or toolchain', async () => {
    const base = await tempDir()
    await mkdir(join(base, 'clean', 'pkg'), { recursive: true })
    await mkdir(join(base, 'repo', '.cargo'), { recursive: true })
    await mkdir(join(base, 'repo', 'pkg'), { recursive: true })
    await writeFile(join(base, 'repo', '.cargo', 'config.toml'), '[build]\nrustc-wrapper = "./evil"\n')
    await mkdir(join(base, 'pinned', 'pkg'), { recursive: true })
    await writeFile(join(base, 'pinned', 'rust-toolchain.toml'), '[toolchain]\npath = "./tc"\n')
    expect(await onlyOurTemplate(join(base, 'clean', 'pkg'), base)).toBe(true)
    expect(await onlyOurTemplate(join(base, 'repo', 'pkg'), base)).toBe(false)
    expect(await onlyOurTemplate(join(base, 'pinned', 'pkg'), base)).toBe(false)
    // The user's own home config is the user's.
    await mkdir(join(base, '.cargo'))
    await writeFile(join(base, '.cargo', 'config.toml'), '[build]\njobs = 2\n')
    expect(await onlyOurTemplate(join(base, 'clean', 'pkg'), base)).toBe(true)
  })
})

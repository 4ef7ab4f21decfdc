/**
 * The git panel through the real handlers, on real git repositories: what it lists, how it
 * counts newer commits, Update (compared byte for byte with `cargo update -p`), Pin (one line
 * of Cargo.toml changes, saved through the manifest service's compare-and-swap) and what it
 * refuses.
 */
import { cp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type {
  GitDependencyList,
  GitPinPreview,
  GitUpdateResult,
  GitUpstreamReport
} from '../../../src/shared/models/git-dependencies'
import type { ManifestSaveResult } from '../../../src/shared/models/manifest-edit'
import { requireCargoAndRegistry, runCargo } from '../../helpers/cargo-offline'
import { tempDir } from '../../helpers/temp-dir'
import { gitPackage, panelHandlers, valueOf } from './panel-fixture'

beforeAll(async () => {
  await requireCargoAndRegistry(['anyhow'])
})

async function openedPackage() {
  const root = await tempDir('cs-git-panel-')
  const pkg = await gitPackage(root)
  const panel = await panelHandlers(root)
  const manifestPath = join(pkg.app, 'Cargo.toml')
  valueOf(await panel.call('openProject', { path: pkg.app }))
  return { ...pkg, ...panel, manifestPath }
}

const lockOf = (app: string) => readFile(join(app, 'Cargo.lock'), 'utf8')

describe('the git panel', () => {
  it('lists each git source with its reference, locked commit and declaring entry', async () => {
    const { call, manifestPath, gitdep, other } = await openedPackage()
    const list = valueOf(await call<GitDependencyList>('gitDependencies', { manifestPath }))
    expect(list.dependencies).toEqual([
      {
        source: `git+${gitdep.url}?branch=main`,
        url: gitdep.url,
        reference: { type: 'branch', value: 'main' },
        lockedCommit: await gitdep.head(),
        packages: [{ name: 'gitdep', version: '0.1.0' }],
        declaredAs: ['gitdep']
      },
      {
        source: `git+${other.url}`,
        url: other.url,
        lockedCommit: await other.head(),
        packages: [{ name: 'other', version: '0.1.0' }],
        declaredAs: ['other']
      }
    ])
  })

  it('counts one newer commit after an upstream commit, and reports progress while fetching', async () => {
    const { call, manifestPath, gitdep, other, pushed } = await openedPackage()
    const locked = valueOf(await call<GitDependencyList>('gitDependencies', { manifestPath }))
    const lockedGitdep = await gitdep.head()
    const latest = await gitdep.commit({ 'src/lib.rs': 'pub fn f() {}\n' }, 'second')
    const report = valueOf(await call<GitUpstreamReport>('checkGitUpstream', { manifestPath }))
    expect(report.checks).toEqual([
      {
        source: `git+${gitdep.url}?branch=main`,
        lockedCommit: lockedGitdep,
        status: { state: 'checked', latest, ahead: 1, rewritten: false }
      },
      {
        source: `git+${other.url}`,
        lockedCommit: await other.head(),
        status: { state: 'checked', latest: await other.head(), ahead: 0, rewritten: false }
      }
    ])
    // Checking fetches but does not move the lock.
    const again = valueOf(await call<GitDependencyList>('gitDependencies', { manifestPath }))
    expect(again).toEqual(locked)
    expect(pushed).toContainEqual({
      event: 'gitDependencyProgress',
      payload: { manifestPath, message: `Fetching git repository ${gitdep.url}` }
    })
  })

  it('updates one git dependency as `cargo update -p` does, and nothing else', async () => {
    const { call, manifestPath, app, root, gitdep, other } = await openedPackage()
    valueOf(await call('gitDependencies', { manifestPath }))
    const before = await lockOf(app)
    const oldGitdep = await gitdep.head()
    const oldOther = await other.head()
    // cargo starts from the same files in a copy of the package.
    const cargoApp = join(root, 'cargo-app')
    await cp(app, cargoApp, { recursive: true })

    const newGitdep = await gitdep.commit({ 'src/lib.rs': 'pub fn f() {}\n' }, 'second')
    await other.commit({ 'src/lib.rs': 'pub fn g() {}\n' }, 'second')

    const result = valueOf(
      await call<GitUpdateResult>('updateGitDependency', { manifestPath, name: 'gitdep' })
    )
    expect(result).toEqual({
      source: `git+${gitdep.url}?branch=main`,
      from: oldGitdep,
      to: newGitdep,
      lockWritten: true
    })
    const after = await lockOf(app)
    expect(after).toBe(before.replace(oldGitdep, newGitdep))
    expect(after).toContain(oldOther)
    expect(await readFile(manifestPath, 'utf8')).toContain('branch = "main"')

    const cargo = await runCargo(['update', '-p', 'gitdep'], cargoApp, join(root, 'cargo-home'), false)
    expect(cargo.exitCode, cargo.stderr).toBe(0)
    expect(await lockOf(cargoApp)).toBe(after)

    const report = valueOf(await call<GitUpstreamReport>('checkGitUpstream', { manifestPath }))
    expect(report.checks.map((c) => c.status.state === 'checked' && c.status.ahead)).toEqual([0, 1])
  })

  it('pins to the locked commit: `rev` replaces `branch` on that one line, saved compare-and-swap', async () => {
    const { call, manifestPath, manifest, gitdep, app, root } = await openedPackage()
    valueOf(await call('gitDependencies', { manifestPath }))
    const locked = await gitdep.head()
    await gitdep.commit({ 'src/lib.rs': 'pub fn f() {}\n' }, 'second')

    const preview = valueOf(await call<GitPinPreview>('previewGitPin', { manifestPath, name: 'gitdep' }))
    expect(preview.commit).toBe(locked)
    expect(preview.entries).toEqual(['gitdep'])
    expect(preview.text).toBe(manifest)
    const expected = manifest.replace('branch = "main"', `rev = "${locked}"`)
    expect(preview.newText).toBe(expected)
    expect(await readFile(manifestPath, 'utf8')).toBe(manifest) // a preview writes nothing

    valueOf(
      await call<ManifestSaveResult>('saveManifest', {
        path: preview.path,
        text: preview.newText,
        baseHash: preview.baseHash
      })
    )
    const bytes = await readFile(manifestPath)
    expect(bytes.equals(Buffer.from(expected))).toBe(true)
    const changed = manifest.split('\n').filter((line, i) => expected.split('\n')[i] !== line)
    expect(changed).toEqual([`gitdep = { git = "${gitdep.url}", branch = "main" }  # follows main`])

    // The lock follows the new source at the same commit, as cargo's does.
    const cargoApp = join(root, 'cargo-app')
    await cp(app, cargoApp, { recursive: true })
    const list = valueOf(await call<GitDependencyList>('gitDependencies', { manifestPath }))
    expect(list.dependencies[0]).toMatchObject({
      source: `git+${gitdep.url}?rev=${locked}`,
      reference: { type: 'rev', value: locked },
      lockedCommit: locked
    })
    const cargo = await runCargo(
      ['metadata', '--format-version', '1'],
      cargoApp,
      join(root, 'cargo-home'),
      false
    )
    expect(cargo.exitCode, cargo.stderr).toBe(0)
    expect(await lockOf(app)).toContain(`?rev=${locked}#${locked}`)
    expect(await lockOf(cargoApp)).toBe(await lockOf(app))

    const report = valueOf(await call<GitUpstreamReport>('checkGitUpstream', { manifestPath }))
    expect(report.checks[0]).toEqual({
      source: `git+${gitdep.url}?rev=${locked}`,
      lockedCommit: locked,
      status: { state: 'pinned' }
    })
    const again = await call('previewGitPin', { manifestPath, name: 'gitdep' })
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('pins a dependency that follows the default branch by adding `rev` to its table', async () => {
    const { call, manifestPath, manifest, other } = await openedPackage()
    const preview = valueOf(await call<GitPinPreview>('previewGitPin', { manifestPath, name: 'other' }))
    expect(preview.newText).toBe(
      manifest.replace(`git = "${other.url}"\n`, `git = "${other.url}"\nrev = "${await other.head()}"\n`)
    )
  })

  it('refuses a name that is not one of the git dependencies, and changes nothing', async () => {
    const { call, manifestPath, manifest, app } = await openedPackage()
    valueOf(await call('gitDependencies', { manifestPath }))
    const lock = await lockOf(app)
    for (const channel of ['updateGitDependency', 'previewGitPin']) {
      for (const name of ['anyhow', 'nope']) {
        expect(await call(channel, { manifestPath, name })).toMatchObject({
          ok: false,
          error: {
            code: 'invalid-input',
            message: `\`${name}\` is not a git dependency of this project.`,
            details: { hint: 'Its git dependencies are: `gitdep`, `other`.' }
          }
        })
      }
      for (const input of [
        { manifestPath, name: '' },
        { manifestPath, name: 'gitdep', extra: true },
        { manifestPath: 'Cargo.toml', name: 'gitdep' },
        { manifestPath, name: '--upload-pack=x\n' }
      ]) {
        expect(await call(channel, input)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
      }
    }
    expect(await readFile(manifestPath, 'utf8')).toBe(manifest)
    expect(await lockOf(app)).toBe(lock)
  })

  it('refuses a project that was not opened this session', async () => {
    const root = await tempDir('cs-git-panel-')
    const { app } = await gitPackage(root)
    const { call } = await panelHandlers(root)
    for (const [channel, input] of [
      ['gitDependencies', {}],
      ['checkGitUpstream', {}],
      ['updateGitDependency', { name: 'gitdep' }],
      ['previewGitPin', { name: 'gitdep' }]
    ] as const) {
      expect(await call(channel, { manifestPath: join(app, 'Cargo.toml'), ...input })).toMatchObject({
        ok: false,
        error: {
          code: 'invalid-input',
          message: expect.stringMatching(/not the Cargo\.toml of a project/) as string
        }
      })
    }
  })
})

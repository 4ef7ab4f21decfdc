/**
 * The app's side of workspaces, through the handlers a window calls: opening a virtual root,
 * the shared-crates view, promoting a dependency (preview, then a compare-and-swap write), and
 * building a selection of members.
 */
import { access, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ProjectSnapshot } from '../../../src/shared/models/package'
import type { PromotionPreview, WorkspaceDependencyUsage } from '../../../src/shared/models/workspace'
import { appHandlers } from '../../helpers/app-handlers'
import { requireCargoAndRegistry } from '../../helpers/cargo-offline'
import { offlineWorkspace } from '../../helpers/workspace-fixture'
import { tempDir } from '../../helpers/temp-dir'

let dir: string

beforeAll(async () => {
  await requireCargoAndRegistry(['serde', 'regex', 'either', 'anyhow', 'log', 'itoa'])
  dir = await offlineWorkspace('virtual')
})

async function app() {
  return appHandlers({ configDir: await tempDir(), cacheDir: await tempDir() })
}

describe('a workspace in the app', () => {
  it('opens a virtual root with its members, focused on the first default member', async () => {
    const { ok } = await app()
    const snapshot = await ok<ProjectSnapshot>('openProject', { path: dir })
    expect(snapshot.root.name).toBe('core-shapes')
    expect(snapshot.workspace).toMatchObject({
      rootManifest: join(dir, 'Cargo.toml'),
      virtual: true,
      resolver: '2',
      defaultMembers: [join(dir, 'crates/core/Cargo.toml'), join(dir, 'tools/cli/Cargo.toml')]
    })
    expect(snapshot.workspace?.members.map((m) => m.name)).toEqual([
      'core-shapes',
      'shape-util',
      'helper',
      'shapes-cli'
    ])
  })

  it("shows the root's default members when opened from a member", async () => {
    const { ok } = await app()
    const snapshot = await ok<ProjectSnapshot>('openProject', { path: join(dir, 'crates', 'util') })
    expect(snapshot.root.name).toBe('shape-util')
    expect(snapshot.workspace?.defaultMembers).toEqual([
      join(dir, 'crates/core/Cargo.toml'),
      join(dir, 'tools/cli/Cargo.toml')
    ])
  })

  it('lets a workspace without members be fixed in the editor', async () => {
    const { call, ok } = await app()
    const empty = await tempDir()
    await writeFile(join(empty, 'Cargo.toml'), '[workspace]\nmembers = []\n')
    const opened = await call('openProject', { path: empty })
    expect(opened.ok ? undefined : opened.error.code).toBe('not-found')
    await ok('openManifest', { path: join(empty, 'Cargo.toml') })
  })

  it('shows which members use which version of a crate, and promotes one with a preview', async () => {
    const { ok, call } = await app()
    await ok('openProject', { path: dir })
    const manifestPath = join(dir, 'Cargo.toml')
    const usage = await ok<WorkspaceDependencyUsage>('workspaceDependencies', { manifestPath })
    const itoa = usage.crates.find((c) => c.name === 'itoa')
    expect(itoa?.uses.map((u) => [u.member, u.kind, u.versionReq, u.inherited, u.resolved])).toEqual([
      ['shape-util', 'dev', '1', false, '1.0.1'],
      ['helper', 'normal', '1', false, '1.0.1']
    ])
    expect(itoa?.versions).toEqual(['1.0.1'])
    expect(itoa?.notPromotable).toBeUndefined()
    const log = usage.crates.find((c) => c.name === 'log')
    expect(log?.uses.every((u) => u.inherited)).toBe(true)
    expect(log?.notPromotable).toMatch(/No member declares|already/)

    const preview = await ok<PromotionPreview>('previewPromotion', { manifestPath, name: 'itoa' })
    expect(preview.files.map((f) => f.path)).toEqual([
      manifestPath,
      join(dir, 'crates/util/Cargo.toml'),
      join(dir, 'vendor/helper/Cargo.toml')
    ])
    // Nothing is written by a preview.
    expect(await readFile(manifestPath, 'utf8')).toBe(preview.files[0]?.before)

    // A file changed since the preview stops the whole promotion before anything is written.
    const helper = join(dir, 'vendor/helper/Cargo.toml')
    await writeFile(helper, `${preview.files[2]!.before}# edited elsewhere\n`)
    const files = preview.files.map((f) => ({ path: f.path, text: f.after, baseHash: f.baseHash }))
    const conflict = await call('applyPromotion', { files })
    expect(conflict.ok ? undefined : conflict.error.code).toBe('conflict')
    expect(await readFile(manifestPath, 'utf8')).toBe(preview.files[0]?.before)

    // The same file twice in one request is refused before anything is written.
    const twice = [files[0]!, files[0]!]
    const doubled = await call('applyPromotion', { files: twice })
    expect(doubled.ok ? undefined : doubled.error.code).toBe('invalid-input')
    expect(await readFile(manifestPath, 'utf8')).toBe(preview.files[0]?.before)

    // Planned again from what is there now, it goes through, and keeps the outside edit.
    const again = await ok<PromotionPreview>('previewPromotion', { manifestPath, name: 'itoa' })
    await ok('applyPromotion', {
      files: again.files.map((f) => ({ path: f.path, text: f.after, baseHash: f.baseHash }))
    })
    expect(await readFile(helper, 'utf8')).toContain('itoa = { workspace = true }\n# edited elsewhere\n')
    expect(await readFile(manifestPath, 'utf8')).toContain('itoa = "1"\n')
  })

  it('builds the members it is asked for, and refuses a name that is not one', async () => {
    const { ok, call, finished, services } = await app()
    await ok('openProject', { path: dir })
    const manifestPath = join(dir, 'Cargo.toml')
    await services.trust.trust(dir)
    const { operationId } = await ok<{ operationId: string }>('startBuild', {
      manifestPath,
      profile: 'dev',
      jobs: 2,
      packages: ['helper']
    })
    const done = await finished(operationId)
    expect(done).toMatchObject({ success: true })
    await access(join(dir, 'target', 'debug', 'libhelper.rlib'))
    const bad = await call('startBuild', { manifestPath, profile: 'dev', packages: ['--workspace'] })
    expect(bad.ok ? undefined : bad.error.code).toBe('invalid-input')
  })
})

/**
 * The git panel's less common paths: a git dependency that only another git package declares
 * (listed and updatable, not pinnable), and cancelling a fetch that would never end.
 */
import { cp, readFile } from 'node:fs/promises'
import { createServer, type Socket } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { GitDependencyList, GitUpdateResult } from '../../../src/shared/models/git-dependencies'
import { offlinePackage, requireCargoAndRegistry, runCargo } from '../../helpers/cargo-offline'
import { gitRepo } from '../../helpers/git-repo'
import { tempDir } from '../../helpers/temp-dir'
import { libManifest, panelHandlers, valueOf } from './panel-fixture'

beforeAll(async () => {
  await requireCargoAndRegistry(['anyhow'])
})

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/** A git:// server that accepts connections and never answers: a fetch from it hangs. */
async function silentGitServer(): Promise<string> {
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  )
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return `git://127.0.0.1:${address.port}/silent.git`
}

describe('the git panel, beyond direct dependencies', () => {
  it('lists a git package another git package brings in, updates it like cargo, and does not pin it', async () => {
    const root = await tempDir('cs-git-panel-')
    const inner = await gitRepo('inner', root)
    await inner.commit({ 'Cargo.toml': libManifest('inner'), 'src/lib.rs': '' })
    const outer = await gitRepo('outer', root)
    await outer.commit({
      'Cargo.toml': libManifest('outer', `inner = { git = "${inner.url}", branch = "main" }`),
      'src/lib.rs': ''
    })
    const app = await offlinePackage(
      join(root, 'app'),
      libManifest('app', `outer = { git = "${outer.url}" }`)
    )
    const manifestPath = join(app, 'Cargo.toml')
    const { call } = await panelHandlers(root)
    valueOf(await call('openProject', { path: app }))

    const list = valueOf(await call<GitDependencyList>('gitDependencies', { manifestPath }))
    expect(list.dependencies.map((d) => [d.packages[0]?.name, d.declaredAs])).toEqual([
      ['inner', []],
      ['outer', ['outer']]
    ])
    expect(await call('previewGitPin', { manifestPath, name: 'inner' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringMatching(/another package depends on it/) as string
      }
    })

    const cargoApp = join(root, 'cargo-app')
    await cp(app, cargoApp, { recursive: true })
    const old = await inner.head()
    const latest = await inner.commit({ 'src/lib.rs': 'pub fn f() {}\n' })
    const result = valueOf(
      await call<GitUpdateResult>('updateGitDependency', { manifestPath, name: 'inner' })
    )
    expect(result).toMatchObject({ from: old, to: latest, lockWritten: true })
    const cargo = await runCargo(['update', '-p', 'inner'], cargoApp, join(root, 'cargo-home'), false)
    expect(cargo.exitCode, cargo.stderr).toBe(0)
    expect(await readFile(join(app, 'Cargo.lock'), 'utf8')).toBe(
      await readFile(join(cargoApp, 'Cargo.lock'), 'utf8')
    )
  })

  it('refuses to update a git package whose only name another source also uses', async () => {
    const root = await tempDir('cs-git-panel-')
    const fork = await gitRepo('fork', root)
    await fork.commit({ 'Cargo.toml': libManifest('anyhow'), 'src/lib.rs': '' })
    const app = await offlinePackage(
      join(root, 'app'),
      libManifest('app', `anyhow = "1"\nforked = { package = "anyhow", git = "${fork.url}" }`)
    )
    const manifestPath = join(app, 'Cargo.toml')
    const { call } = await panelHandlers(root)
    valueOf(await call('openProject', { path: app }))
    valueOf(await call('gitDependencies', { manifestPath }))
    const lock = await readFile(join(app, 'Cargo.lock'), 'utf8')
    expect(await call('updateGitDependency', { manifestPath, name: 'anyhow' })).toMatchObject({
      ok: false,
      error: {
        code: 'unsupported',
        details: { hint: `Run \`cargo update -p git+${fork.url}#anyhow\` instead.` }
      }
    })
    expect(await readFile(join(app, 'Cargo.lock'), 'utf8')).toBe(lock)
    // Pinning needs no unlock by name: it is offered.
    expect(await call('previewGitPin', { manifestPath, name: 'anyhow' })).toMatchObject({ ok: true })
  })

  it('cancels a fetch that would never finish, and says so', async () => {
    const root = await tempDir('cs-git-panel-')
    const url = await silentGitServer()
    const app = await offlinePackage(join(root, 'app'), libManifest('app', `silent = { git = "${url}" }`))
    const manifestPath = join(app, 'Cargo.toml')
    const { call, pushed } = await panelHandlers(root)
    valueOf(await call('openProject', { path: app }))

    expect(valueOf(await call('cancelGitDependencies', { manifestPath }))).toEqual({ cancelled: false })
    const listing = call('gitDependencies', { manifestPath })
    await expect
      .poll(() =>
        pushed.some(
          (p) => p.event === 'gitDependencyProgress' && p.payload.message === `Fetching git repository ${url}`
        )
      )
      .toBe(true)
    expect(valueOf(await call('cancelGitDependencies', { manifestPath }))).toEqual({ cancelled: true })
    expect(await listing).toMatchObject({ ok: false, error: { code: 'cancelled' } })
  })
})

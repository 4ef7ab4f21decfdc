/**
 * The manifest service on real files with a real watcher (chokidar): compare-and-swap saves,
 * atomic writes that keep mode and symlinks, and outside changes pushed exactly once. The
 * engine's editor is replaced by a minimal stand-in; it has its own tests.
 */
import { chmod, readFile, stat, symlink, writeFile, lstat, readlink } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ManifestChange, ManifestAnalysis } from '../../src/shared/models/manifest-edit'
import { chokidarWatcher } from '../../src/main/services/file-watcher'
import { contentHashOf, ManifestService } from '../../src/main/services/manifest-service'
import { EngineError } from '../../src/main/engine/errors'
import { tempDir } from '../helpers/temp-dir'

const analysis = (text: string): ManifestAnalysis => ({ text, problems: [] })

async function setup(contents = '[package]\nname = "x"\n') {
  const dir = await tempDir()
  const file = join(dir, 'Cargo.toml')
  await writeFile(file, contents)
  const changes: ManifestChange[] = []
  const service = new ManifestService(
    { analyze: analysis, applyEdits: (t) => analysis(t) },
    chokidarWatcher,
    (path) =>
      path === file
        ? Promise.resolve(file)
        : Promise.reject(new EngineError('invalid-input', `Refusing to edit ${path}`)),
    (event, payload) => {
      if (event === 'manifestChanged') changes.push(payload as ManifestChange)
    }
  )
  return { dir, file, changes, service }
}

const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms))

describe('the manifest service', () => {
  it('opens with the hash of the bytes on disk and keeps a BOM in the text', async () => {
    const { file, service } = await setup('\uFEFF[package]\r\nname = "x"\r\n')
    const snap = await service.open(file)
    expect(snap.text).toBe('\uFEFF[package]\r\nname = "x"\r\n')
    expect(snap.baseHash).toBe(contentHashOf(await readFile(file)))
    await service.closeAll()
  })

  it('saves atomically when the file is unchanged, keeping its mode, and does not report its own write', async () => {
    const { file, changes, service } = await setup()
    await chmod(file, 0o640)
    const snap = await service.open(file)
    const saved = await service.save(file, '[package]\nname = "y"\n', snap.baseHash)
    expect(await readFile(file, 'utf8')).toBe('[package]\nname = "y"\n')
    expect((await stat(file)).mode & 0o777).toBe(0o640)
    expect(saved.baseHash).toBe(contentHashOf(await readFile(file)))
    await settle()
    expect(changes).toEqual([])
    await service.closeAll()
  })

  it('refuses to overwrite a change made outside since opening, and leaves the file alone', async () => {
    const { file, service } = await setup()
    const snap = await service.open(file)
    await writeFile(file, '[package]\nname = "theirs"\n')
    await expect(service.save(file, '[package]\nname = "mine"\n', snap.baseHash)).rejects.toMatchObject({
      code: 'conflict'
    })
    expect(await readFile(file, 'utf8')).toBe('[package]\nname = "theirs"\n')
    await service.closeAll()
  })

  it('pushes an outside change once, with the new text and hash', async () => {
    const { file, changes, service } = await setup()
    await service.open(file)
    await settle(200)
    await writeFile(file, '[package]\nname = "edited"\n')
    await expect.poll(() => changes.length, { timeout: 5000 }).toBe(1)
    expect(changes[0]).toEqual({
      path: file,
      hash: contentHashOf(await readFile(file)),
      text: '[package]\nname = "edited"\n'
    })
    await writeFile(file, '[package]\nname = "edited"\n')
    await settle()
    expect(changes).toHaveLength(1)
    await service.closeAll()
  })

  it('writes a symlinked manifest through its link, keeping the link', async () => {
    const { dir, service } = await setup()
    const real = join(dir, 'real.toml')
    await writeFile(real, '[package]\nname = "linked"\n')
    const link = join(dir, 'Link.toml')
    await symlink(real, link)
    const linked = new ManifestService(
      { analyze: analysis, applyEdits: (t) => analysis(t) },
      chokidarWatcher,
      () => Promise.resolve(link),
      () => {}
    )
    const snap = await linked.open(link)
    await linked.save(link, '[package]\nname = "through"\n', snap.baseHash)
    expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect(await readlink(link)).toBe(real)
    expect(await readFile(real, 'utf8')).toBe('[package]\nname = "through"\n')
    await linked.closeAll()
    await service.closeAll()
  })

  it('refuses paths outside opened projects', async () => {
    const { dir, service } = await setup()
    await expect(service.open(join(dir, 'elsewhere', 'Cargo.toml'))).rejects.toMatchObject({
      code: 'invalid-input'
    })
  })
})

/**
 * Settings through the real handlers: validated at the boundary, persisted, and obeyed. The
 * wizard proposes the saved edition, author and licence; "open in editor" starts the saved
 * editor command (a real program here, which records its arguments) only after the user's yes;
 * trusted folders are listed and removed; reveal stays inside open projects.
 */
import { readFile, symlink } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appHandlers } from '../../helpers/app-handlers'
import type { SensitiveSetting } from '../../../src/main/services/settings-changes'
import { project } from '../../helpers/project'
import { tempDir } from '../../helpers/temp-dir'

async function setup(confirm = true) {
  const configDir = await tempDir('cs-config-')
  const revealed: string[] = []
  const asked: SensitiveSetting[] = []
  const app = appHandlers({
    configDir,
    shell: {
      confirmSetting: (change) => {
        asked.push(change)
        return Promise.resolve(confirm)
      },
      revealPath: (path) => {
        revealed.push(path)
        return Promise.resolve()
      }
    }
  })
  return { ...app, configDir, revealed, asked }
}

describe('settings through the handlers', () => {
  it('refuses invalid values at the boundary and leaves the file alone', async () => {
    const { call, configDir } = await setup()
    for (const bad of [
      { jobs: 0 },
      { theme: 'neon' },
      { cacheDir: 'relative' },
      { editorCommand: 'vim' },
      { x: 1 }
    ]) {
      const r = await call('updateSettings', bad)
      expect(r.ok, JSON.stringify(bad)).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('invalid-input')
    }
    await expect(readFile(join(configDir, 'settings.json'))).rejects.toThrow()
  })

  it('gives the wizard the saved edition, author and licence', async () => {
    const { ok } = await setup()
    await ok('updateSettings', {
      edition: '2021',
      author: 'Ferris <ferris@example.com>',
      license: 'MIT OR Apache-2.0'
    })
    expect(await ok('getNewPackageDefaults', undefined)).toMatchObject({
      edition: '2021',
      authors: ['Ferris <ferris@example.com>'],
      license: 'MIT OR Apache-2.0'
    })
  })

  it('asks about a new editor command naming the resolved program, and not again when unchanged', async () => {
    const { ok, call, asked } = await setup()
    await ok('updateSettings', { editorCommand: 'git --no-pager {file}' })
    expect(asked).toEqual([
      {
        kind: 'editor-command',
        program: expect.stringMatching(/\/git$/) as string,
        args: ['--no-pager', '{file}']
      }
    ])
    await ok('updateSettings', { editorCommand: 'git --no-pager {file}', theme: 'dark' })
    expect(asked).toHaveLength(1)
    const missing = await call('updateSettings', { editorCommand: 'no-such-editor-here {file}' })
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/was not found/) as string }
    })
  })

  it('asks before a new cache folder, and saves nothing when refused', async () => {
    const { call, asked, configDir } = await setup(false)
    const r = await call('updateSettings', { cacheDir: '/srv/cache', theme: 'dark' })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'cancelled', message: expect.stringMatching(/Nothing was saved/) as string }
    })
    expect(asked).toEqual([{ kind: 'cache-dir', dir: '/srv/cache' }])
    await expect(readFile(join(configDir, 'settings.json'))).rejects.toThrow()
  })

  it('opens a project file with the saved editor command, arguments intact, no shell', async () => {
    const bin = await tempDir('cs-editor-')
    const record = join(bin, 'args.json')
    const editor = await project()
      .executable(
        'fake-editor',
        `#!/usr/bin/env node\nrequire('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)))\n`
      )
      .build(bin)
    const pkg = await project()
      .manifest('app')
      .file('src/main.rs', 'fn main() {}\n')
      .build(join(await tempDir(), 'my app; $(x)'))
    const { ok } = await setup()
    await ok('openProject', { path: pkg.root })
    await ok('updateSettings', {
      editorCommand: `${editor.path('fake-editor')} --goto {file}:{line}:{column}`
    })
    await ok('openInEditor', { path: pkg.path('src/main.rs'), line: 3, column: 7 })
    await expect.poll(() => readFile(record, 'utf8').catch(() => ''), { timeout: 20_000 }).not.toBe('')
    expect(JSON.parse(await readFile(record, 'utf8'))).toEqual(['--goto', `${pkg.path('src/main.rs')}:3:7`])
  })

  it('reports an editor that fails as soon as it starts', async () => {
    const bin = await tempDir('cs-editor-')
    const editor = await project().executable('broken-editor', '#!/bin/sh\nexit 3\n').build(bin)
    const pkg = await project().manifest('app').file('src/main.rs', 'fn main() {}\n').build()
    const { ok, call } = await setup()
    await ok('openProject', { path: pkg.root })
    await ok('updateSettings', { editorCommand: `${editor.path('broken-editor')} {file}` })
    const r = await call('openInEditor', { path: pkg.path('src/main.rs') })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'io', message: expect.stringMatching(/exited with status 3/) as string }
    })
  })

  it('keeps the old editor command when the user does not confirm the new one', async () => {
    const { call, ok } = await setup(false)
    const r = await call('updateSettings', { editorCommand: 'git {file}' })
    expect(r).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(
      (await ok<{ settings: { editorCommand: string } }>('getSettings', undefined)).settings.editorCommand
    ).toBe('')
  })

  it('trusts the real folder behind a link, and refuses the home folder and the root', async () => {
    const { ok, call } = await setup()
    const real = await tempDir('cs-real-')
    const link = join(await tempDir('cs-link-'), 'link')
    await symlink(real, link)
    expect((await ok<{ path: string }[]>('trustFolder', { path: link })).map((f) => f.path)).toEqual([real])
    for (const path of [homedir(), '/'])
      expect(await call('trustFolder', { path })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' }
      })
  })

  it('lists trusted folders and forgets one exactly, even once its folder is gone', async () => {
    const { ok, services } = await setup()
    const dir = await tempDir('cs-trusted-')
    await ok('trustFolder', { path: dir })
    expect(await ok('listTrustedFolders', undefined)).toEqual([
      { path: dir, trustedAt: expect.any(Number) as number }
    ])
    await services.trust.trust(await tempDir('cs-other-'))
    const left = await ok<{ path: string }[]>('forgetTrustedFolder', { path: dir })
    expect(left.map((f) => f.path)).not.toContain(dir)
    expect(left).toHaveLength(1)
  })

  it('reveals files and folders of open projects only', async () => {
    const { ok, call, revealed } = await setup()
    const pkg = await project().manifest('app').file('src/main.rs', 'fn main() {}\n').build()
    await ok('openProject', { path: pkg.root })
    await ok('revealInFolder', { path: pkg.root })
    await ok('revealInFolder', { path: pkg.path('src/main.rs') })
    expect(revealed).toEqual([pkg.root, pkg.path('src/main.rs')])
    const outside = await call('revealInFolder', { path: '/etc' })
    expect(outside).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})

/**
 * ProjectService against real temp folders: what the untrusted renderer may build, run and
 * open (only what this session opened, judged by real paths), and what happens around open
 * and create when something fails.
 */
import { stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { EngineError } from '../../../src/main/engine/errors'
import { ProjectService } from '../../../src/main/services/project-service'
import { RecentProjects } from '../../../src/main/services/recent-projects'
import { SettingsStore } from '../../../src/main/services/settings-store'
import type { NewPackageOptions } from '../../../src/shared/models/new-package'
import { project } from '../../helpers/project'
import { tempDir } from '../../helpers/temp-dir'

const settingsIn = (configDir: string) =>
  new SettingsStore(configDir, { jobs: 2, cacheDir: '/cache' }, { dir: '/cache', fromEnvironment: false })

async function service(logError: (context: string, e: unknown) => void = () => {}) {
  const configDir = await tempDir('cs-config-')
  return new ProjectService(new RecentProjects(configDir), settingsIn(configDir), logError)
}

async function binPackage(name = 'app') {
  return project().manifest(name).file('src/main.rs', 'fn main() {}\n').build()
}

/** The EngineError a promise rejects with, so tests can check its code and message together. */
async function refusal(promise: Promise<unknown>): Promise<EngineError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(EngineError)
  return error as EngineError
}

describe('build and run are confined to opened projects', () => {
  it('opens the package a dropped source file belongs to, and says when a file is in none', async () => {
    const projects = await service()
    const p = await binPackage('dropped')
    expect((await projects.open(p.path('src/main.rs'))).root.name).toBe('dropped')
    const loose = join(await tempDir(), 'notes.txt')
    await writeFile(loose, 'x')
    const error = await refusal(projects.open(loose))
    expect(error.code).toBe('not-found')
    expect(error.message).toMatch(/notes\.txt is not inside a package/)
  })

  it('refuses a manifest before its project is opened, and accepts it after', async () => {
    const projects = await service()
    const p = await binPackage()
    const error = await refusal(projects.checkBuildable(p.manifest))
    expect(error.code).toBe('invalid-input')
    expect(error.message).toMatch(/not the Cargo\.toml of a project opened in this session/)
    await projects.open(p.root)
    expect(await projects.checkBuildable(p.manifest)).toBe(p.manifest)
  })

  it('refuses another project, a nested package and files that are not the root manifest', async () => {
    const projects = await service()
    const p = await project()
      .manifest('app')
      .file('src/main.rs', 'fn main() {}\n')
      .file('nested/Cargo.toml', '[package]\nname = "nested"\nversion = "0.1.0"\n')
      .build()
    const other = await binPackage('other')
    await projects.open(p.root)
    for (const path of [
      other.manifest,
      p.path('nested/Cargo.toml'),
      p.path('src/main.rs'),
      join(p.root, 'src', '..', '..', 'Cargo.toml')
    ]) {
      expect((await refusal(projects.checkBuildable(path))).code, path).toBe('invalid-input')
    }
  })

  it('compares real paths: a symlinked folder reaches the project, and the real path is built', async () => {
    const projects = await service()
    const p = await binPackage()
    const link = join(await tempDir(), 'link')
    await symlink(p.root, link)
    await projects.open(link)
    expect(await projects.checkBuildable(join(link, 'Cargo.toml'))).toBe(p.manifest)
    expect(await projects.checkBuildable(p.manifest)).toBe(p.manifest)
  })

  it('accepts a package created in this session', async () => {
    const projects = await service()
    const path = join(await tempDir(), 'made')
    await projects.create(newPackageOptions(path))
    expect(await projects.checkBuildable(join(path, 'Cargo.toml'))).toBe(join(path, 'Cargo.toml'))
  })
})

describe('open in editor', () => {
  it('allows a source file of an opened project, as its real path', async () => {
    const projects = await service()
    const p = await binPackage()
    await writeFile(p.path('Makefile'), 'all:\n')
    await projects.open(p.root)
    expect(await projects.checkOpenable(p.path('src/main.rs'))).toBe(p.path('src/main.rs'))
    expect(await projects.checkOpenable(p.path('Cargo.toml'))).toBe(p.path('Cargo.toml'))
    expect(await projects.checkOpenable(p.path('Makefile'))).toBe(p.path('Makefile'))
  })

  it('refuses a symlink inside the project that leads outside it', async () => {
    const projects = await service()
    const p = await binPackage()
    const outside = await tempDir('cs-outside-')
    await writeFile(join(outside, 'secret.rs'), 'secret\n')
    await symlink(join(outside, 'secret.rs'), p.path('src/escape.rs'))
    await symlink(outside, p.path('vendor'))
    await projects.open(p.root)
    for (const path of [p.path('src/escape.rs'), p.path('vendor/secret.rs')]) {
      const error = await refusal(projects.checkOpenable(path))
      expect(error.message, path).toMatch(/not a file of an open project/)
    }
  })

  it('refuses programs and scripts, also behind an innocent-looking symlink', async () => {
    const projects = await service()
    const p = await project()
      .manifest('app')
      .file('src/main.rs', 'fn main() {}\n')
      .executable('run.sh', '#!/bin/sh\n')
      .file('tool.py', 'print(1)\n')
      .file('launch.desktop', '[Desktop Entry]\n')
      .file('setup.bat', 'echo\n')
      .file('app.exe', 'MZ')
      .build()
    await symlink(p.path('run.sh'), p.path('notes.txt'))
    await projects.open(p.root)
    for (const name of ['run.sh', 'tool.py', 'launch.desktop', 'setup.bat', 'app.exe', 'notes.txt']) {
      const error = await refusal(projects.checkOpenable(p.path(name)))
      expect(error.message, name).toMatch(/only source and text files/)
    }
  })

  it('refuses folders, missing files and projects that were never opened', async () => {
    const projects = await service()
    const p = await binPackage()
    const other = await binPackage('other')
    await projects.open(p.root)
    for (const path of [p.path('src'), p.path('src/missing.rs'), other.path('src/main.rs')]) {
      expect((await refusal(projects.checkOpenable(path))).code, path).toBe('invalid-input')
    }
  })
})

describe('editing a manifest', () => {
  it('allows the manifests of an opened project, and no other', async () => {
    const projects = await service()
    const p = await binPackage()
    const other = await binPackage('other')
    expect((await refusal(projects.checkEditable(p.manifest))).message).toMatch(/Refusing to edit/)
    await projects.open(p.root)
    expect(await projects.checkEditable(p.manifest)).toBe(p.manifest)
    expect((await refusal(projects.checkEditable(other.manifest))).code).toBe('invalid-input')
  })

  it('lets a Cargo.toml that does not load be fixed, but not built', async () => {
    const projects = await service()
    const p = await project().file('Cargo.toml', '[package]\nname = "broken\n').build()
    const error = await refusal(projects.open(p.root))
    expect(error.details.file).toBe(p.manifest)
    expect(await projects.checkEditable(p.manifest)).toBe(p.manifest)
    expect((await refusal(projects.checkBuildable(p.manifest))).code).toBe('invalid-input')
    expect((await refusal(projects.checkOpenable(p.path('Cargo.toml')))).code).toBe('invalid-input')
  })
})

describe('open and create', () => {
  it('opens a project even when the recent list cannot be saved, and logs why', async () => {
    const configFile = join(await tempDir(), 'not-a-dir')
    await writeFile(configFile, '')
    const logError = vi.fn()
    const projects = new ProjectService(new RecentProjects(configFile), settingsIn(configFile), logError)
    const p = await binPackage()
    const snapshot = await projects.open(p.root)
    expect(snapshot.root.name).toBe('app')
    expect(logError).toHaveBeenCalledWith(expect.stringMatching(/recent/) as string, expect.any(Error))
    expect(await projects.checkBuildable(p.manifest)).toBe(p.manifest)
  })

  it('says the package was created when opening it fails', async () => {
    const projects = await service()
    const path = join(await tempDir(), 'made')
    vi.spyOn(projects, 'open').mockRejectedValue(
      new EngineError('manifest-invalid', 'the manifest is broken', { file: join(path, 'Cargo.toml') })
    )
    const error = await refusal(projects.create(newPackageOptions(path)))
    expect(error.code).toBe('manifest-invalid')
    expect(error.message).toBe(
      `The package was created at ${path}, but it could not be opened: the manifest is broken`
    )
    expect(error.details).toMatchObject({
      file: join(path, 'Cargo.toml'),
      hint: expect.any(String) as string
    })
    expect((await stat(join(path, 'Cargo.toml'))).isFile()).toBe(true)
  })
})

function newPackageOptions(path: string): NewPackageOptions {
  return {
    path,
    name: 'made',
    kind: 'bin',
    edition: '2021',
    version: '0.1.0',
    authors: [],
    vcs: 'none'
  }
}

/**
 * The handlers are where renderer input meets privileged services: build, run, test and open
 * in editor must check the path against the projects opened this session before acting on it.
 */
import { writeFile } from 'node:fs/promises'
import { describe, expect, it, vi } from 'vitest'
import { createHandlers } from '../../src/main/handlers'
import { dispatch } from '../../src/main/ipc/dispatch'
import { createServices } from '../../src/main/services/create-services'
import { appHandlers, BROWSER_SHELL } from '../helpers/app-handlers'
import { project } from '../helpers/project'
import { tempDir } from '../helpers/temp-dir'

async function setup() {
  const services = createServices({ configDir: await tempDir('cs-config-'), publish: () => {} })
  const handle = { operationId: '3b241101-e2bb-4255-8caf-4136c566a962', kind: 'build' as const }
  const build = vi.spyOn(services.builds, 'build').mockReturnValue(handle)
  const run = vi.spyOn(services.builds, 'run').mockReturnValue({ ...handle, kind: 'run' })
  const test = vi.spyOn(services.builds, 'test').mockReturnValue({ ...handle, kind: 'test' })
  const openPath = vi.fn((_path: string, _line?: number) => Promise.resolve())
  const handlers = createHandlers(services, { ...BROWSER_SHELL, openPath })
  const p = await project().manifest('app').file('src/main.rs', 'fn main() {}\n').build()
  return { handlers, build, run, test, openPath, p }
}

describe('handlers confine paths from the renderer', () => {
  it('refuses to build, run or test a project that was not opened, and starts nothing', async () => {
    const { handlers, build, run, test, p } = await setup()
    const buildResult = await dispatch(handlers, 'startBuild', { manifestPath: p.manifest, profile: 'dev' })
    const runResult = await dispatch(handlers, 'startRun', {
      manifestPath: p.manifest,
      profile: 'dev',
      args: []
    })
    const testResult = await dispatch(handlers, 'startTest', {
      manifestPath: p.manifest,
      profile: 'dev',
      args: []
    })
    for (const result of [buildResult, runResult, testResult]) {
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'invalid-input',
          message: expect.stringMatching(/not the Cargo\.toml of a project/) as string
        }
      })
    }
    expect(build).not.toHaveBeenCalled()
    expect(run).not.toHaveBeenCalled()
    expect(test).not.toHaveBeenCalled()
  })

  it('builds, runs and tests an opened project', async () => {
    const { handlers, build, run, test, p } = await setup()
    expect(await dispatch(handlers, 'openProject', { path: p.root })).toMatchObject({ ok: true })
    expect(
      await dispatch(handlers, 'setFolderTrust', { manifestPath: p.manifest, trusted: true })
    ).toMatchObject({ ok: true, value: { trusted: true } })
    expect(
      await dispatch(handlers, 'startBuild', { manifestPath: p.manifest, profile: 'dev' })
    ).toMatchObject({ ok: true })
    expect(
      await dispatch(handlers, 'startRun', { manifestPath: p.manifest, profile: 'release', args: ['x'] })
    ).toMatchObject({ ok: true })
    expect(build).toHaveBeenCalledWith({ manifestPath: p.manifest, profile: 'dev' })
    expect(run).toHaveBeenCalledWith({ manifestPath: p.manifest, profile: 'release', args: ['x'] })
    expect(
      await dispatch(handlers, 'startTest', { manifestPath: p.manifest, profile: 'dev', args: ['parses'] })
    ).toMatchObject({ ok: true, value: { kind: 'test' } })
    expect(test).toHaveBeenCalledWith({ manifestPath: p.manifest, profile: 'dev', args: ['parses'] })
  })

  it('opens only source files of an opened project in the editor', async () => {
    const { handlers, openPath, p } = await setup()
    await writeFile(p.path('run.sh'), '#!/bin/sh\n')
    await dispatch(handlers, 'openProject', { path: p.root })
    expect(await dispatch(handlers, 'openInEditor', { path: p.path('run.sh') })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
    expect(openPath).not.toHaveBeenCalled()
    expect(await dispatch(handlers, 'openInEditor', { path: p.path('src/main.rs'), line: 3 })).toEqual({
      ok: true,
      value: null
    })
    expect(openPath).toHaveBeenCalledWith(p.path('src/main.rs'), 3)
  })

  it('trusts a folder only when the shell’s own question is answered yes, and builds nothing before', async () => {
    const { handlers, build, p } = await setup()
    const { handlers: declining } = appHandlers({
      configDir: await tempDir('cs-config-'),
      shell: { mode: 'desktop', confirmTrust: () => Promise.resolve(false) }
    })
    await dispatch(declining, 'openProject', { path: p.root })
    expect(
      await dispatch(declining, 'setFolderTrust', { manifestPath: p.manifest, trusted: true })
    ).toMatchObject({ ok: true, value: { trusted: false, trustedBy: null } })
    await dispatch(handlers, 'openProject', { path: p.root })
    expect(
      await dispatch(handlers, 'startBuild', { manifestPath: p.manifest, profile: 'dev' })
    ).toMatchObject({ ok: false, error: { code: 'untrusted' } })
    expect(build).not.toHaveBeenCalled()
  })
})

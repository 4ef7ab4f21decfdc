/** Where a build writes: `build.target-dir` from .cargo/config.toml, with CARGO_TARGET_DIR winning, as in cargo. */
import { access, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runBuild } from '../../../src/main/engine/compiler/build-runner'
import { eventLog } from '../../helpers/events'
import { project } from '../../helpers/project'
import { tempDir } from '../../helpers/temp-dir'

async function build(manifestPath: string, root: string, env: Record<string, string> = {}) {
  const log = eventLog()
  const result = await runBuild(
    {
      manifestPath,
      profile: 'dev',
      selection: { lib: true, bins: 'all' },
      env: { PATH: process.env.PATH, ...env },
      cwd: root,
      homeDir: root,
      cacheDir: join(root, 'cache')
    },
    { sink: log.sink }
  )
  expect(result.success, log.text()).toBe(true)
  return result
}

describe('the target directory', () => {
  it('follows build.target-dir, relative to the folder holding .cargo/', async () => {
    const root = await tempDir()
    const p = await project('app').manifest('app').file('src/main.rs', 'fn main() {}\n').build(root)
    await mkdir(join(root, '.cargo'))
    await writeFile(join(root, '.cargo', 'config.toml'), '[build]\ntarget-dir = "shared-target"\n')
    const result = await build(p.manifest, root)
    expect(result.layout.targetDir).toBe(join(root, 'shared-target'))
    await access(join(root, 'shared-target', 'debug', 'app'))
  })

  it('lets CARGO_TARGET_DIR win, relative to where the build was asked for', async () => {
    const root = await tempDir()
    const p = await project('app').manifest('app').file('src/main.rs', 'fn main() {}\n').build(root)
    await mkdir(join(root, '.cargo'))
    await writeFile(join(root, '.cargo', 'config.toml'), '[build]\ntarget-dir = "shared-target"\n')
    const result = await build(p.manifest, root, { CARGO_TARGET_DIR: 'from-env' })
    expect(result.layout.targetDir).toBe(join(root, 'from-env'))
    await access(join(root, 'from-env', 'debug', 'app'))
  })
})

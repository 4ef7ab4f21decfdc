/**
 * `getToolchain` through the real handlers: without input, the rustc builds use; with an opened
 * project's manifest, also what the project pins. A path from the renderer that is not an opened
 * project's is refused, so the channel cannot be used to read files elsewhere.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ToolchainInfo } from '../../../src/shared/models/toolchain'
import { appHandlers } from '../../helpers/app-handlers'
import { project } from '../../helpers/project'
import { tempDir } from '../../helpers/temp-dir'

describe('getToolchain', () => {
  it('reports rustc with its sysroot, and an opened project’s pin', async () => {
    const { ok, call } = appHandlers({ configDir: await tempDir('cs-config-') })
    const plain = await ok<ToolchainInfo>('getToolchain', undefined)
    expect(plain.rustc?.version).toMatch(/^rustc \d+\.\d+\.\d+/)
    expect(plain.rustc?.sysroot).toMatch(/^\//)
    expect(plain.project).toBeUndefined()

    const pkg = await project()
      .manifest('pinned')
      .file('src/main.rs', 'fn main() {}\n')
      .file('rust-toolchain.toml', '[toolchain]\nchannel = "1.2.3"\n')
      .build()
    await ok('openProject', { path: pkg.root })
    const pinned = await ok<ToolchainInfo>('getToolchain', { manifestPath: pkg.manifest })
    expect(pinned.project).toMatchObject({ file: pkg.path('rust-toolchain.toml'), channel: '1.2.3' })
    if (pinned.rustup)
      expect(pinned.project).toMatchObject({ installed: false, hint: 'rustup toolchain install 1.2.3' })

    const other = await tempDir()
    const refused = await call('getToolchain', { manifestPath: join(other, 'Cargo.toml') })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    for (const bad of [{ manifestPath: 'relative/Cargo.toml' }, { manifestPath: '/x', extra: 1 }, 'text'])
      expect(await call('getToolchain', bad)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})

/** Which toolchain a folder pins, found the way rustup walks up from it. */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findPinnedToolchain } from '../../../../src/main/engine/toolchain/find-pinned-toolchain'
import { tempDir } from '../../../helpers/temp-dir'

describe('findPinnedToolchain', () => {
  it('takes the nearest file from the folder up, and nothing when no folder pins', async () => {
    const base = await tempDir()
    const member = join(base, 'ws', 'crates', 'app')
    await mkdir(member, { recursive: true })
    expect(await findPinnedToolchain(member)).toBeUndefined()
    await writeFile(join(base, 'ws', 'rust-toolchain.toml'), '[toolchain]\nchannel = "1.85"\n')
    expect(await findPinnedToolchain(member)).toEqual({
      channel: '1.85',
      components: [],
      targets: [],
      file: join(base, 'ws', 'rust-toolchain.toml'),
      source: 'toolchain-file'
    })
    await writeFile(join(member, 'rust-toolchain'), 'nightly\n')
    expect(await findPinnedToolchain(member)).toMatchObject({
      channel: 'nightly',
      file: join(member, 'rust-toolchain')
    })
  })

  it('uses the legacy file when both are in one folder, and says which one it ignored', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'rust-toolchain'), 'beta\n')
    await writeFile(join(dir, 'rust-toolchain.toml'), '[toolchain]\nchannel = "stable"\n')
    expect(await findPinnedToolchain(dir)).toMatchObject({
      channel: 'beta',
      file: join(dir, 'rust-toolchain'),
      ignored: join(dir, 'rust-toolchain.toml')
    })
  })

  it('prefers a rustup override for a folder over that folder’s file, but not over a nearer file', async () => {
    const base = await tempDir()
    const inner = join(base, 'inner')
    await mkdir(inner)
    await writeFile(join(base, 'rust-toolchain.toml'), '[toolchain]\nchannel = "stable"\n')
    const overrides = new Map([[base, 'nightly-x86_64-unknown-linux-gnu']])
    expect(await findPinnedToolchain(inner, overrides)).toMatchObject({
      channel: 'nightly-x86_64-unknown-linux-gnu',
      file: base,
      source: 'rustup-override'
    })
    await writeFile(join(inner, 'rust-toolchain.toml'), '[toolchain]\nchannel = "1.80"\n')
    expect(await findPinnedToolchain(inner, overrides)).toMatchObject({ channel: '1.80' })
  })

  it('stops at a malformed file, as rustup does, with its line', async () => {
    const base = await tempDir()
    const inner = join(base, 'inner')
    await mkdir(inner)
    await writeFile(join(base, 'rust-toolchain.toml'), '[toolchain]\nchannel = "stable"\n')
    await writeFile(join(inner, 'rust-toolchain.toml'), '[toolchain]\nchannel = "stable"\npath = "/opt/x"\n')
    await expect(findPinnedToolchain(inner)).rejects.toMatchObject({
      details: { file: join(inner, 'rust-toolchain.toml'), line: 3 }
    })
  })

  it('reports a path toolchain without touching it', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'rust-toolchain.toml'), '[toolchain]\npath = "/nonexistent/evil"\n')
    expect(await findPinnedToolchain(dir)).toMatchObject({
      path: '/nonexistent/evil',
      source: 'toolchain-file'
    })
  })
})

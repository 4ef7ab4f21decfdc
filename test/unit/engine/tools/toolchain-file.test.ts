/** The release a project pins, read from its toolchain file (never by running what it names). */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pinnedRelease } from '../../../../src/main/engine/tools/toolchain-file'
import { tempDir } from '../../../helpers/temp-dir'

describe('pinnedRelease', () => {
  it('reads a numbered channel from the nearest toolchain file, the TOML or the legacy one', async () => {
    const base = await tempDir()
    await mkdir(join(base, 'ws', 'member'), { recursive: true })
    await writeFile(join(base, 'ws', 'rust-toolchain.toml'), '[toolchain]\nchannel = "1.85"\n')
    expect(await pinnedRelease(join(base, 'ws', 'member'), {})).toBe('1.85.0')
    await writeFile(join(base, 'ws', 'member', 'rust-toolchain'), '1.70.1\n')
    expect(await pinnedRelease(join(base, 'ws', 'member'), {})).toBe('1.70.1')
  })

  it('gives none for a named channel or a path toolchain, and lets RUSTUP_TOOLCHAIN decide first', async () => {
    const base = await tempDir()
    await writeFile(join(base, 'rust-toolchain.toml'), '[toolchain]\npath = "/opt/evil"\n')
    expect(await pinnedRelease(base, {})).toBeUndefined()
    await writeFile(join(base, 'rust-toolchain.toml'), '[toolchain]\nchannel = "nightly-2026-01-01"\n')
    expect(await pinnedRelease(base, {})).toBeUndefined()
    expect(await pinnedRelease(base, { RUSTUP_TOOLCHAIN: '1.80' })).toBe('1.80.0')
    expect(await pinnedRelease(base, { RUSTUP_TOOLCHAIN: 'stable' })).toBeUndefined()
  })
})

/** `rustup toolchain list` as old and new rustup print it, and which installed toolchain a channel names. */
import { describe, expect, it } from 'vitest'
import { installedToolchain, parseToolchainList } from '../../../../src/main/engine/toolchain/rustup'

const HOST = 'x86_64-unknown-linux-gnu'

describe('parseToolchainList', () => {
  it('reads the markers rustup 1.28+ prints', () => {
    const text = `stable-${HOST} (active, default)\nnightly-${HOST}\n1.85-${HOST} (active)\n`
    expect(parseToolchainList(text)).toEqual([
      { name: `stable-${HOST}`, isDefault: true, isActive: true },
      { name: `nightly-${HOST}`, isDefault: false, isActive: false },
      { name: `1.85-${HOST}`, isDefault: false, isActive: true }
    ])
  })

  it('reads older markers, verbose paths, and the empty answer', () => {
    expect(parseToolchainList(`stable-${HOST} (default) (override)\n`)).toEqual([
      { name: `stable-${HOST}`, isDefault: true, isActive: true }
    ])
    expect(parseToolchainList(`beta-${HOST} (default) /home/me/.rustup/toolchains/beta-${HOST}\n`)).toEqual([
      { name: `beta-${HOST}`, isDefault: true, isActive: false }
    ])
    expect(parseToolchainList('my-linked\r\n')).toEqual([
      { name: 'my-linked', isDefault: false, isActive: false }
    ])
    expect(parseToolchainList('no installed toolchains\n')).toEqual([])
    expect(parseToolchainList('info: no installed toolchains\n')).toEqual([])
  })
})

describe('installedToolchain', () => {
  const list = parseToolchainList(
    `stable-${HOST} (default)\n1.85-${HOST}\nnightly-2026-01-01-${HOST}\nmy-linked\n`
  )

  it('finds a channel by its full name or with the host appended, as rustup resolves it', () => {
    expect(installedToolchain('stable', list, HOST)?.name).toBe(`stable-${HOST}`)
    expect(installedToolchain(`stable-${HOST}`, list, HOST)?.name).toBe(`stable-${HOST}`)
    expect(installedToolchain('1.85', list, HOST)?.name).toBe(`1.85-${HOST}`)
    expect(installedToolchain('nightly-2026-01-01', list, HOST)?.name).toBe(`nightly-2026-01-01-${HOST}`)
    expect(installedToolchain('my-linked', list, HOST)?.name).toBe('my-linked')
  })

  it('does not mistake another release or a dated nightly for the channel', () => {
    expect(installedToolchain('1.85.0', list, HOST)).toBeUndefined()
    expect(installedToolchain('1.8', list, HOST)).toBeUndefined()
    expect(installedToolchain('nightly', list, HOST)).toBeUndefined()
    expect(installedToolchain('stable', list, 'aarch64-apple-darwin')).toBeUndefined()
    // Without a known host, any triple counts, but a date still does not.
    expect(installedToolchain('stable', list, undefined)?.name).toBe(`stable-${HOST}`)
    expect(installedToolchain('nightly', list, undefined)).toBeUndefined()
  })
})

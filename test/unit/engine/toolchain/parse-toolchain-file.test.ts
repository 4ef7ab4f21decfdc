/** rust-toolchain files read as rustup reads them, and refused with the file and line where rustup refuses them. */
import { describe, expect, it } from 'vitest'
import { isEngineError, type EngineError } from '../../../../src/main/engine/errors'
import { parseToolchainFile } from '../../../../src/main/engine/toolchain/parse-toolchain-file'

const TOML = '/p/rust-toolchain.toml'
const LEGACY = '/p/rust-toolchain'

function refusal(text: string, file = TOML): EngineError {
  try {
    parseToolchainFile(text, file)
  } catch (e) {
    if (isEngineError(e)) return e
    throw e
  }
  throw new Error(`accepted: ${text}`)
}

describe('parseToolchainFile', () => {
  it('reads the TOML form with every setting', () => {
    const text = [
      '# pinned for the MSRV',
      '[toolchain]',
      'channel = "nightly-2026-01-01"',
      'components = ["rustfmt", "clippy"]',
      'targets = ["wasm32-unknown-unknown"]',
      'profile = "minimal"',
      'unknown-key = true',
      ''
    ].join('\n')
    expect(parseToolchainFile(text, TOML)).toEqual({
      channel: 'nightly-2026-01-01',
      components: ['rustfmt', 'clippy'],
      targets: ['wasm32-unknown-unknown'],
      profile: 'minimal'
    })
  })

  it('reads the legacy one-line form, a name or an absolute path, only in `rust-toolchain`', () => {
    expect(parseToolchainFile('1.85.0\n', LEGACY)).toEqual({ channel: '1.85.0', components: [], targets: [] })
    expect(parseToolchainFile('  stable  ', LEGACY)).toEqual({
      channel: 'stable',
      components: [],
      targets: []
    })
    expect(parseToolchainFile('/opt/my-toolchain\n', LEGACY)).toEqual({
      path: '/opt/my-toolchain',
      components: [],
      targets: []
    })
    // The legacy file may hold TOML too; the .toml file never holds the bare form.
    expect(parseToolchainFile('[toolchain]\nchannel = "beta"\n', LEGACY).channel).toBe('beta')
    const bare = refusal('stable\n')
    expect(bare.message).toContain('a bare toolchain name (`stable`) is not TOML')
    expect(bare.details).toMatchObject({
      line: 1,
      hint: expect.stringContaining('channel = "stable"') as unknown
    })
    expect(refusal('[toolchain]\n\n[other]\n').message).toContain('names no toolchain properties')
    expect(refusal('[other]\nx = 1\n').message).toContain('the `[toolchain]` section is missing')
  })

  it('accepts components alone (the default toolchain with them) and a path toolchain', () => {
    expect(parseToolchainFile('[toolchain]\ncomponents = ["miri"]\n', TOML)).toEqual({
      components: ['miri'],
      targets: []
    })
    expect(parseToolchainFile('[toolchain]\npath = "/opt/tc"\n', TOML)).toEqual({
      path: '/opt/tc',
      components: [],
      targets: []
    })
  })

  it('refuses a syntax error at its line', () => {
    const e = refusal('[toolchain]\nchannel = "stable\n')
    expect(e.details).toMatchObject({ file: TOML, line: 2 })
    expect(e.details.hint).toBeTruthy()
  })

  it('refuses what rustup refuses, naming the file and the line of the key', () => {
    const cases: [string, RegExp, number | undefined][] = [
      ['', /empty/, undefined],
      ['[toolchain]\n', /names no toolchain properties/, 1],
      ['[toolchain]\nprofile = "minimal"\n', /names no toolchain properties/, 1],
      ['[toolchain]\nchannel = "stable"\npath = "/opt/tc"\n', /cannot both be given/, 3],
      ['[toolchain]\npath = "tc"\n', /must be absolute/, 2],
      ['[toolchain]\npath = "/opt/tc"\n\ncomponents = ["rustfmt"]\n', /cannot be used with a `path`/, 2],
      ['[toolchain]\nchannel = "stable"\nprofile = "huge"\n', /unknown profile `huge`/, 3],
      ['[toolchain]\nchannel = 1.85\n', /`toolchain.channel` must be a string/, 2],
      ['[toolchain]\nchannel = "stable"\ncomponents = "rustfmt"\n', /must be a list of strings/, 3],
      ['[toolchain]\nchannel = "my toolchain"\n', /is not a toolchain name/, 2],
      ['toolchain = "stable"\n', /`toolchain` must be a table/, 1]
    ]
    for (const [text, message, line] of cases) {
      const e = refusal(text)
      expect(e.message, text).toMatch(message)
      expect(e.message, text).toContain(TOML)
      expect(e.details.file).toBe(TOML)
      expect(e.details.line, text).toBe(line)
      expect(e.details.hint, text).toBeTruthy()
    }
  })

  it('refuses an empty legacy file, a blank line, and a byte-order mark', () => {
    expect(refusal('', LEGACY).message).toMatch(/empty/)
    expect(refusal('   \n', LEGACY).message).toMatch(/empty/)
    const bom = refusal('\uFEFFstable\n', LEGACY)
    expect(bom.message).toMatch(/byte-order mark/)
    expect(bom.details.line).toBe(1)
  })
})

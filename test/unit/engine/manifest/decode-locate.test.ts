import { describe, expect, it } from 'vitest'
import { decodeTomlBytes, firstInvalidUtf8 } from '../../../../src/main/engine/manifest/decode'
import { KeyLocator } from '../../../../src/main/engine/manifest/locate'
import { EngineError } from '../../../../src/main/engine/errors'

describe('decoding manifest bytes', () => {
  it('accepts UTF-8 with or without a BOM', () => {
    expect(decodeTomlBytes(Buffer.from('a = "é"\n'), 'f')).toEqual({ text: 'a = "é"\n', hadBom: false })
    expect(decodeTomlBytes(Buffer.from('\uFEFFa = 1\n'), 'f')).toEqual({ text: 'a = 1\n', hadBom: true })
  })

  it('names the line of the first invalid byte', () => {
    const bytes = Buffer.concat([Buffer.from('[package]\nname = "'), Buffer.from([0xff]), Buffer.from('"\n')])
    try {
      decodeTomlBytes(bytes, '/x/Cargo.toml')
      expect.fail('should throw')
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError)
      expect((e as EngineError).details).toMatchObject({ file: '/x/Cargo.toml', line: 2 })
    }
  })

  it.each([
    [[0xc0, 0x80], 0],
    [[0xed, 0xa0, 0x80], 0],
    [[0x61, 0xe2, 0x82], 1],
    [[0xf5, 0x80, 0x80, 0x80], 0]
  ])('finds overlongs, surrogates, truncation and out-of-range bytes: %j', (bytes, at) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at)
  })
})

describe('locating keys', () => {
  const text = `# comment
[package]
name = "x"
authors = [
  "a",
  "b",
]
version.workspace = true

[[bin]]
name = "one"

[[bin]]
name = "two"

[dependencies.serde]
version = "1"

[target.'cfg(unix)'.dependencies]
"quoted-key" = { path = "q" }
s = """
[fake]
"""
after = 1
`
  const loc = new KeyLocator(text)
  it.each([
    [['package'], 2],
    [['package', 'name'], 3],
    [['package', 'authors'], 4],
    [['package', 'version'], 8],
    [['bin', 1, 'name'], 14],
    [['bin', 0], 10],
    [['dependencies', 'serde', 'version'], 17],
    [['target', 'cfg(unix)', 'dependencies', 'quoted-key', 'path'], 20],
    [['target', 'cfg(unix)', 'dependencies', 'after'], 24],
    [['fake'], undefined]
  ] as const)('%j is on line %s', (path, line) => {
    expect(loc.lineOf(path)).toBe(line)
  })
})

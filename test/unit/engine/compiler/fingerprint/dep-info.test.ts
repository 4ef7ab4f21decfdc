import { describe, expect, it } from 'vitest'
import { parseDepInfo } from '../../../../../src/main/engine/compiler/fingerprint/dep-info'
import { EngineError } from '../../../../../src/main/engine/errors'

// Captured from rustc 1.95 (`--emit=dep-info,metadata`) on a crate using include_str! on
// `my data.txt` and `a$b#c.txt`, env!, and option_env! (one unset, one with a newline and a
// backslash). test/integration/fingerprint/dep-info-rustc.test.ts checks it against rustc live.
const RUSTC_OUTPUT = [
  'probe.d: lib.rs m.rs my\\ data.txt a$b#c.txt',
  '',
  'libprobe.rmeta: lib.rs m.rs my\\ data.txt a$b#c.txt',
  '',
  'lib.rs:',
  'm.rs:',
  'my\\ data.txt:',
  'a$b#c.txt:',
  '',
  '# env-dep:CS_PROBE_SET=va lue',
  '# env-dep:CS_PROBE_UNSET',
  '# env-dep:CS_PROBE_WEIRD=a\\nb\\\\c',
  ''
].join('\n')

describe('parseDepInfo', () => {
  it('reads the files and env vars of real rustc output', () => {
    const info = parseDepInfo(RUSTC_OUTPUT, 'probe.d')
    expect(info.files).toEqual(['lib.rs', 'm.rs', 'my data.txt', 'a$b#c.txt'])
    expect([...info.env]).toEqual([
      ['CS_PROBE_SET', 'va lue'],
      ['CS_PROBE_UNSET', undefined],
      ['CS_PROBE_WEIRD', 'a\nb\\c']
    ])
    expect(info.checksums.size).toBe(0)
  })

  it('keeps Windows drive letters and backslash separators, and reads CRLF lines', () => {
    const text =
      'C:\\work\\t\\probe.d: C:\\work\\src\\lib.rs C:\\work\\my\\ data.txt\r\n\r\nC:\\work\\src\\lib.rs:\r\n'
    expect(parseDepInfo(text, 'probe.d').files).toEqual(['C:\\work\\src\\lib.rs', 'C:\\work\\my data.txt'])
  })

  it('joins several escaped spaces in one path', () => {
    expect(parseDepInfo('out.d: a\\ b\\ \\ c.rs d.rs\n', 'out.d').files).toEqual(['a b  c.rs', 'd.rs'])
  })

  it('reads checksum lines, including for files the rule does not list', () => {
    const hex = 'ab'.repeat(32)
    const text = `x.d: src/lib.rs\n\n# checksum:blake3=${hex} file_len:42 src/lib.rs\n# checksum:sha256=${hex} file_len:7 extra file.txt\n# checksum:garbage\n`
    const info = parseDepInfo(text, 'x.d')
    expect(info.files).toEqual(['src/lib.rs', 'extra file.txt'])
    expect(info.checksums.get('src/lib.rs')).toEqual({ algorithm: 'blake3', hex, length: 42 })
    expect(info.checksums.get('extra file.txt')?.length).toBe(7)
  })

  it('gives an empty result for a crate that read nothing else', () => {
    const info = parseDepInfo('', 'empty.d')
    expect(info.files).toEqual([])
    expect(info.env.size).toBe(0)
  })

  it('reports a malformed file with its name and line', () => {
    const bad = () => parseDepInfo('x.d: a.rs\n# env-dep:X=bad\\q\n', 'target/x.d')
    expect(bad).toThrow(EngineError)
    expect(bad).toThrow(/target\/x\.d, line 2: unknown escape \\q/)
    expect(() => parseDepInfo('x.d: a.rs trailing\\\n', 'x.d')).toThrow(/line 1: a trailing backslash/)
  })
})

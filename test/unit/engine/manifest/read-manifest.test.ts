import { describe, expect, it } from 'vitest'
import { parseManifestText } from '../../../../src/main/engine/manifest/read-manifest'
import { EngineError } from '../../../../src/main/engine/errors'

const FILE = '/p/Cargo.toml'

function errorOf(text: string): EngineError {
  try {
    parseManifestText(text, FILE)
  } catch (e) {
    if (e instanceof EngineError) return e
    throw e
  }
  throw new Error('expected an error')
}

describe('reading manifests', () => {
  it('normalizes a modern manifest', () => {
    const m = parseManifestText(
      `[package]
name = "demo"
version = "1.2.3"
edition = "2021"
authors = ["A <a@example.com>"]
description = "A demo"
license = "MIT"
default-run = "demo"

[dependencies]
serde = { version = "1", features = ["derive"], default-features = false }
local = { path = "../local", optional = true }
renamed = { package = "real-name", version = "0.3" }
g = { git = "https://example.com/g.git", tag = "v1" }

[dev-dependencies]
pretty = "0.1"

[target.'cfg(unix)'.dependencies]
libc = "0.2"

[features]
default = ["dep:local"]
extra = ["dep:local", "serde/std"]

[profile.release]
opt-level = "z"
debug = true
`,
      FILE
    )
    expect(m.format).toBe('current')
    expect(m.rootDir).toBe('/p')
    expect(m.package).toMatchObject({
      name: 'demo',
      version: '1.2.3',
      edition: '2021',
      authors: ['A <a@example.com>'],
      defaultRun: 'demo'
    })
    expect(m.dependencies.map((d) => [d.name, d.kind, d.source.type, d.platform ?? null])).toEqual([
      ['serde', 'normal', 'registry', null],
      ['local', 'normal', 'path', null],
      ['renamed', 'normal', 'registry', null],
      ['g', 'normal', 'git', null],
      ['pretty', 'dev', 'registry', null],
      ['libc', 'normal', 'registry', 'cfg(unix)']
    ])
    expect(m.dependencies[0]).toMatchObject({ versionReq: '1', features: ['derive'], defaultFeatures: false })
    expect(m.dependencies[1]).toMatchObject({ optional: true, source: { type: 'path', path: '../local' } })
    expect(m.dependencies[2]).toMatchObject({ packageName: 'real-name' })
    expect(m.dependencies[3]).toMatchObject({
      source: { type: 'git', url: 'https://example.com/g.git', reference: { type: 'tag', value: 'v1' } }
    })
    expect(m.features).toEqual({ default: ['dep:local'], extra: ['dep:local', 'serde/std'] })
    expect(m.profiles.release).toMatchObject({ optLevel: 'z', debug: 2 })
    expect(m.warnings).toEqual([])
  })

  it('reads the 2014 format: [[lib]], [dependencies.NAME], authors and build = "COMMAND"', () => {
    const m = parseManifestText(
      `[package]

name = "hello-world" # the name of the package
version = "1.0.0"    # the current version, obeying semver
authors = [ "wycats@example.com" ]
build = "make"

[dependencies.hammer]

version = "0.5.0" # optional
git = "https://github.com/wycats/hammer.rs"

[dependencies.color]

git = "https://github.com/bjz/color-rs"

[[lib]]

name = "hello_world"
crate-type = ["dylib", "staticlib"]
`,
      FILE
    )
    expect(m.format).toBe('2014')
    expect(m.package.edition).toBe('2015')
    expect(m.package.build).toEqual({ type: 'command', command: 'make' })
    expect(m.lib).toMatchObject({ name: 'hello_world', crateTypes: ['dylib', 'staticlib'] })
    expect(m.dependencies.map((d) => [d.name, d.source.type, d.versionReq ?? null])).toEqual([
      ['hammer', 'git', '0.5.0'],
      ['color', 'git', null]
    ])
    expect(m.warnings).toEqual([])
  })

  it('treats build = "build.rs" as a build script and build = false as none', () => {
    expect(parseManifestText('[package]\nname = "a"\nbuild = "build/main.rs"\n', FILE).package.build).toEqual(
      { type: 'script', path: 'build/main.rs' }
    )
    expect(parseManifestText('[package]\nname = "a"\nbuild = false\n', FILE).package.build).toEqual({
      type: 'none'
    })
  })

  it('warns like cargo about unused keys, with the line', () => {
    const m = parseManifestText(
      '[package]\nname = "a"\nedition = "2021"\ncolour = "blue"\n\n[lib]\nnmae = "x"\n',
      FILE
    )
    expect(m.warnings).toEqual([
      { message: 'unused manifest key: package.colour', file: FILE, line: 4 },
      { message: 'unused manifest key: lib.nmae', file: FILE, line: 7 }
    ])
  })

  it('accepts [project] with a deprecation warning, and warns when no edition is set', () => {
    const m = parseManifestText('[project]\nname = "old"\nversion = "0.1.0"\n', FILE)
    expect(m.package.name).toBe('old')
    expect(m.warnings.map((w) => w.message)).toEqual([
      '`[project]` is deprecated in favor of `[package]`.',
      'no edition set: defaulting to the 2015 edition while the latest is 2024'
    ])
  })

  it('reads what cargo metadata reports: keywords, categories, publish, metadata, patch and replace', () => {
    const m = parseManifestText(
      [
        '[package]',
        'name = "meta"',
        'version = "0.1.0"',
        'keywords = ["cli"]',
        'categories = ["development-tools"]',
        'publish = false',
        'resolver = "2"',
        '[package.metadata.docs.rs]',
        'all-features = true',
        'n = 3',
        '[patch.crates-io]',
        'serde = { path = "../serde" }',
        '[replace]',
        '"log:0.4.0" = { git = "https://example.com/log" }',
        ''
      ].join('\n'),
      FILE
    )
    expect(m.package).toMatchObject({
      keywords: ['cli'],
      categories: ['development-tools'],
      publish: [],
      resolver: '2',
      metadata: { docs: { rs: { 'all-features': true, n: 3 } } }
    })
    expect(m.patch['crates-io']?.map((d) => [d.name, d.source])).toEqual([
      ['serde', { type: 'path', path: '../serde' }]
    ])
    expect(m.replace.map((r) => [r.spec, r.dep.source.type])).toEqual([['log:0.4.0', 'git']])
    expect(m.warnings.filter((w) => w.message.includes('unused'))).toEqual([])
  })

  it('reads publish as cargo metadata prints it: true and absent are anywhere, a list is kept', () => {
    const publish = (v: string) => parseManifestText(`[package]\nname = "p"\n${v}\n`, FILE).package.publish
    expect(publish('publish = true')).toBeUndefined()
    expect(publish('')).toBeUndefined()
    expect(publish('publish = ["my-registry"]')).toEqual(['my-registry'])
  })

  it.each([
    ['[package]\nname = "a"\nversion = 1.0.0\n', 'manifest-parse', 3, /Could not parse \/p\/Cargo\.toml/],
    ['[package]\nname = "a"\nname = "b"\n', 'manifest-parse', 3, /redefine/],
    ['[package]\r\nname = "a\r\n', 'manifest-parse', 2, /string is not closed on this line/],
    ['[package]\nname = "a\u0001"\n', 'manifest-parse', 2, /control characters/],
    ['[dependencies]\nfoo = "1"\n', 'manifest-invalid', undefined, /has no `\[package\]` section/],
    ['[workspace]\nmembers = ["a"]\n', 'manifest-invalid', 1, /virtual workspace manifest/],
    ['[package]\nversion = "1.0.0"\n', 'manifest-invalid', 1, /has no `name`/],
    [
      '[package]\nname = 5\n',
      'manifest-invalid',
      2,
      /`package\.name` must be a string, but it is an integer/
    ],
    ['[package]\nname = "1x"\n', 'manifest-invalid', 2, /cannot start with a digit/],
    ['[package]\nname = "a"\nversion = "v1.0.0"\n', 'manifest-invalid', 3, /remove the leading `v`/],
    ['[package]\nname = "a"\nedition = "2030"\n', 'manifest-invalid', 3, /Unknown edition `2030`/],
    ['[package]\nname = "a"\nauthors = "me"\n', 'manifest-invalid', 3, /must be an array of strings/],
    [
      '[package]\nname = "a"\n[dependencies]\nx = { git = "u", path = "p" }\n',
      'manifest-invalid',
      4,
      /only one of `git` or `path`/
    ],
    [
      '[package]\nname = "a"\n[dependencies]\nx = { git = "u", branch = "b", tag = "t" }\n',
      'manifest-invalid',
      4,
      /only one of `branch`, `tag` or `rev`/
    ],
    [
      '[package]\nname = "a"\n[dependencies]\nx = { features = ["f"] }\n',
      'manifest-invalid',
      4,
      /has no source/
    ],
    [
      '[package]\nname = "a"\n[dependencies]\nx = 3\n',
      'manifest-invalid',
      4,
      /must be a version string or a table/
    ],
    [
      '[package]\nname = "a"\n\n[[lib]]\nname = "a"\n\n[[lib]]\nname = "b"\n',
      'manifest-invalid',
      7,
      /at most one library/
    ],
    ['[package]\nname = "a"\n[profile.dev]\nopt-level = 7\n', 'manifest-invalid', 4, /`opt-level` must be/],
    ['[package]\nname = "a"\nversion.workspace = true\n', 'manifest-invalid', 3, /error inheriting `version`/]
  ])('rejects %j with a located error', (text, code, line, message) => {
    const e = errorOf(text)
    expect(e.code).toBe(code)
    expect(e.message).toMatch(message)
    expect(e.details.file).toBe(FILE)
    expect(e.details.line).toBe(line)
  })

  it('keeps __proto__ as an ordinary feature name', () => {
    const m = parseManifestText('[package]\nname = "a"\nedition = "2021"\n[features]\n__proto__ = []\n', FILE)
    expect(Object.keys(m.features)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reads 64-bit integers without losing them, and refuses out-of-range values where numbers are expected', () => {
    const e = errorOf('[package]\nname = "a"\n[profile.dev]\ncodegen-units = 9223372036854775807\n')
    expect(e.message).toMatch(/out of range/)
    expect(e.details.line).toBe(4)
  })
})

import { describe, expect, it } from 'vitest'
import { isEngineError } from '../../../../../src/main/engine/errors'
import { parseManifestText } from '../../../../../src/main/engine/manifest/read-manifest'
import { CRATES_IO, type SourceId } from '../../../../../src/main/engine/sources/source-id'
import { gitSummary } from '../../../../../src/main/engine/sources/git/git-summary'

const self: SourceId = {
  kind: 'git',
  url: 'https://example.com/r',
  ref: { type: 'branch', value: 'main' },
  precise: 'a'.repeat(40)
}

describe('gitSummary', () => {
  it('gives each dependency the source cargo gives it in a git package', () => {
    const m = parseManifestText(
      `[package]
name = "pkg"
version = "1.2.3"
links = "z"
rust-version = "1.70"

[dependencies]
local = { path = "../local", version = "0.1" }
remote = { git = "https://example.com/other", rev = "abc1234" }
plain = "1"
renamed = { package = "real", version = "2", optional = true, default-features = false, features = ["x"] }

[target.'cfg(unix)'.build-dependencies]
cc = "1"

[features]
default = ["renamed"]
`,
      '/r/Cargo.toml'
    )
    const s = gitSummary(m, self)
    expect(s).toMatchObject({
      name: 'pkg',
      version: '1.2.3',
      source: self,
      yanked: false,
      links: 'z',
      rustVersion: '1.70'
    })
    expect(s.features).toEqual({ default: ['renamed'] })
    expect(s.deps).toEqual([
      {
        name: 'local',
        packageName: 'local',
        req: '0.1',
        kind: 'normal',
        optional: false,
        defaultFeatures: true,
        features: [],
        source: self
      },
      {
        name: 'remote',
        packageName: 'remote',
        req: '*',
        kind: 'normal',
        optional: false,
        defaultFeatures: true,
        features: [],
        source: { kind: 'git', url: 'https://example.com/other', ref: { type: 'rev', value: 'abc1234' } }
      },
      {
        name: 'plain',
        packageName: 'plain',
        req: '1',
        kind: 'normal',
        optional: false,
        defaultFeatures: true,
        features: [],
        source: CRATES_IO
      },
      {
        name: 'renamed',
        packageName: 'real',
        req: '2',
        kind: 'normal',
        optional: true,
        defaultFeatures: false,
        features: ['x'],
        source: CRATES_IO
      },
      {
        name: 'cc',
        packageName: 'cc',
        req: '1',
        kind: 'build',
        optional: false,
        defaultFeatures: true,
        features: [],
        target: 'cfg(unix)',
        source: CRATES_IO
      }
    ])
  })

  it('asks for a named registry and says when it is not configured', () => {
    const m = parseManifestText(
      '[package]\nname = "p"\nversion = "0.1.0"\n[dependencies]\nx = { version = "1", registry = "corp" }\n',
      '/r/Cargo.toml'
    )
    const corp: SourceId = { kind: 'sparse', url: 'https://corp.example/index/' }
    expect(gitSummary(m, self, (name) => (name === 'corp' ? corp : undefined)).deps[0]?.source).toEqual(corp)
    try {
      gitSummary(m, self)
      expect.unreachable()
    } catch (e) {
      expect(isEngineError(e) && e.code).toBe('not-found')
      expect((e as Error).message).toContain('registry `corp`, which is not configured')
    }
  })
})

/** The orders cargo sorts a lock by (each one seen in cargo 1.95's output in the fixtures). */
import { describe, expect, it } from 'vitest'
import { comparePackageIds } from '../../../../src/main/engine/lockfile/encode-resolve'
import { compareVersions } from '../../../../src/main/engine/lockfile/semver-order'
import { canonicalGitUrl } from '../../../../src/main/engine/lockfile/source-order'
import type { PackageId } from '../../../../src/main/engine/resolver/resolve/resolve-types'
import type { SourceId } from '../../../../src/main/engine/sources/source-id'

describe('versions', () => {
  it('sort by semver precedence, build metadata last', () => {
    const sorted = [
      '1.0.0',
      '0.10.0',
      '1.0.0-beta.11',
      '1.0.0-alpha',
      '0.9.0',
      '1.0.0-beta.2',
      '1.0.0-alpha.1',
      '1.0.0+b',
      '1.0.0-rc.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta'
    ]
    expect(sorted.sort(compareVersions)).toEqual([
      '0.9.0',
      '0.10.0',
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.0+b'
    ])
  })
})

const git = (ref: Extract<SourceId, { kind: 'git' }>['ref'], url = 'https://h/r'): SourceId => ({
  kind: 'git',
  url,
  ref
})
const id = (source: SourceId, version = '1.0.0'): PackageId => ({ name: 'x', version, source })

describe('package IDs', () => {
  it('sort by name, version, then source kind: path, registry, sparse, git by tag, branch, rev, default', () => {
    const ids = [
      id(git({ type: 'default' })),
      id(git({ type: 'rev', value: 'a' })),
      id(git({ type: 'branch', value: 'z' })),
      id(git({ type: 'branch', value: 'a' })),
      id(git({ type: 'tag', value: 'v1' })),
      id({ kind: 'sparse', url: 'https://index.crates.io/' }),
      id({ kind: 'registry', url: 'https://b' }),
      id({ kind: 'registry', url: 'https://a' }),
      id({ kind: 'path', path: '/ws' }),
      id({ kind: 'path', path: '/ws' }, '0.1.0')
    ]
    const sorted = [...ids].sort(comparePackageIds)
    expect(sorted).toEqual([ids[9], ids[8], ids[7], ids[6], ids[5], ids[4], ids[3], ids[2], ids[1], ids[0]])
  })

  it('treat git URLs as cargo’s CanonicalUrl does', () => {
    expect(canonicalGitUrl('https://github.com/Rust-Lang/Cargo.git/')).toBe(
      'https://github.com/rust-lang/cargo'
    )
    expect(canonicalGitUrl('http://github.com/a/b')).toBe('https://github.com/a/b')
    expect(canonicalGitUrl('https://Example.com/A/B.git')).toBe('https://example.com/A/B')
    expect(
      comparePackageIds(
        id(git({ type: 'default' }, 'https://github.com/A/b.git')),
        id(git({ type: 'default' }, 'https://github.com/a/b'))
      )
    ).toBe(0)
  })
})

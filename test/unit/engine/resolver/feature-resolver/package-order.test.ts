import { describe, expect, it } from 'vitest'
import {
  comparePackageIds,
  compareStrings,
  compareVersions
} from '../../../../../src/main/engine/resolver/feature-resolver/package-order'
import { featureMapOf } from '../../../../../src/main/engine/resolver/feature-resolver/feature-map'
import { CRATES_IO } from '../../../../../src/main/engine/sources/source-id'

describe('cargo orderings', () => {
  it('orders versions by SemVer precedence, then build metadata', () => {
    const sorted = [
      '1.0.0',
      '1.0.0-alpha.10',
      '1.0.0-alpha.2',
      '1.0.0-beta',
      '0.9.9',
      '1.0.0+b',
      '1.0.0-alpha',
      '10.0.0',
      '2.0.0'
    ].sort(compareVersions)
    expect(sorted).toEqual([
      '0.9.9',
      '1.0.0-alpha',
      '1.0.0-alpha.2',
      '1.0.0-alpha.10',
      '1.0.0-beta',
      '1.0.0',
      '1.0.0+b',
      '2.0.0',
      '10.0.0'
    ])
  })

  it('orders strings by code point, as Rust orders str', () => {
    expect(['b', 'B', 'a-b', 'a_b', 'ä', '\u{1F600}', '\uFFFD'].sort(compareStrings)).toEqual([
      'B',
      'a-b',
      'a_b',
      'b',
      'ä',
      '\uFFFD',
      '\u{1F600}'
    ])
  })

  it('puts path sources before registries and git, then compares URLs', () => {
    const path = { name: 'x', version: '1.0.0', source: { kind: 'path', path: '/z' } } as const
    const reg = { name: 'x', version: '1.0.0', source: CRATES_IO }
    const git = {
      name: 'x',
      version: '1.0.0',
      source: { kind: 'git', url: 'https://a/b', ref: { type: 'default' } }
    } as const
    const tag = { ...git, source: { ...git.source, ref: { type: 'tag', value: 'v1' } } } as const
    expect([git, reg, tag, path].sort(comparePackageIds)).toEqual([path, reg, tag, git])
    expect(comparePackageIds({ ...reg, name: 'a' }, path)).toBeLessThan(0)
  })
})

describe('feature map', () => {
  it('adds implicit features for optional dependencies not named with dep:, sorted', () => {
    const dep = (name: string, optional: boolean) =>
      ({
        name,
        packageName: name,
        req: '*',
        kind: 'normal',
        optional,
        defaultFeatures: true,
        features: [],
        source: CRATES_IO
      }) as const
    const map = featureMapOf({
      deps: [dep('zeta', true), dep('hidden', true), dep('plain', false)],
      features: { b: ['dep:hidden', 'zeta?/x'], a: [] }
    })
    expect([...map.keys()]).toEqual(['a', 'b', 'zeta'])
    expect(map.get('zeta')).toEqual([{ type: 'dep', depName: 'zeta' }])
    expect(map.get('b')).toEqual([
      { type: 'dep', depName: 'hidden' },
      { type: 'dep-feature', depName: 'zeta', depFeature: 'x', weak: true }
    ])
  })
})

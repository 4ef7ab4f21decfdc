import { describe, expect, it } from 'vitest'
import {
  comparePackages,
  compareVersions
} from '../../../../src/renderer/src/features/dependency-tree/model/package-order'
import { pkg } from './fixtures'

describe('cargo’s package order', () => {
  it('orders versions by SemVer precedence, pre-releases before their release', () => {
    const spec = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0'
    ]
    expect([...spec].reverse().sort(compareVersions)).toEqual(spec)
    expect(['0.10.0', '0.9.0', '0.9.10', '0.9.2'].sort(compareVersions)).toEqual([
      '0.9.0',
      '0.9.2',
      '0.9.10',
      '0.10.0'
    ])
    expect(compareVersions('18446744073709551616.0.0', '9007199254740993.0.0')).toBeGreaterThan(0)
    expect(compareVersions('1.0.0+build.1', '1.0.0')).toBeGreaterThan(0) // build metadata only breaks ties
  })

  it('orders packages by name, then version, then source (path, registry, git)', () => {
    const git = { kind: 'git', url: 'https://example.com/a', commit: 'abc' } as const
    const path = { kind: 'path', path: '/a' } as const
    const list = [
      pkg('b', '1.0.0'),
      pkg('a', '1.0.0', { source: git }),
      pkg('a', '1.0.0'),
      pkg('a', '1.0.0', { source: path }),
      pkg('a', '0.9.0'),
      pkg('a-b', '1.0.0'),
      pkg('a_b', '1.0.0')
    ]
    expect(list.sort(comparePackages).map((p) => `${p.name} ${p.version} ${p.source.kind}`)).toEqual([
      'a 0.9.0 registry',
      'a 1.0.0 path',
      'a 1.0.0 registry',
      'a 1.0.0 git',
      'a-b 1.0.0 registry',
      'a_b 1.0.0 registry',
      'b 1.0.0 registry'
    ])
    // The same package as two nodes (host and target with other features): by features.
    const host = pkg('syn', '2.0.0', { id: 'syn host', features: ['derive', 'full'] })
    const target = pkg('syn', '2.0.0', { features: ['full'] })
    expect([target, host].sort(comparePackages)).toEqual([host, target])
  })
})

import { describe, expect, it } from 'vitest'
import { formatVersionReq } from '../../../../src/main/engine/resolver/format-req'
import { jsonText, obj } from '../../../../src/main/engine/metadata/json-text'
import { packageIdSpecString } from '../../../../src/main/engine/metadata/package-id-string'
import { displayPlatform } from '../../../../src/main/engine/metadata/platform-display'
import { cargoDependencyOrder } from '../../../../src/main/engine/metadata/serialize-dependency'
import type { Dependency } from '../../../../src/main/engine/manifest/model'
import { CRATES_IO } from '../../../../src/main/engine/sources/source-id'

describe('metadata formatting', () => {
  it('prints package IDs as cargo’s specifications', () => {
    expect(
      packageIdSpecString({ name: 'app', version: '0.1.0', source: { kind: 'path', path: '/ws/app' } })
    ).toBe('path+file:///ws/app#0.1.0')
    expect(
      packageIdSpecString({ name: 'app', version: '0.1.0', source: { kind: 'path', path: '/ws/my dir' } })
    ).toBe('path+file:///ws/my%20dir#app@0.1.0')
    expect(packageIdSpecString({ name: 'serde', version: '1.0.0', source: CRATES_IO })).toBe(
      'registry+https://github.com/rust-lang/crates.io-index#serde@1.0.0'
    )
    expect(
      packageIdSpecString({
        name: 'x',
        version: '1.0.0',
        source: { kind: 'sparse', url: 'https://index.crates.io/' }
      })
    ).toBe('sparse+https://index.crates.io/#x@1.0.0')
    const git = {
      kind: 'git',
      url: 'https://host/x',
      ref: { type: 'branch', value: 'a b' },
      precise: 'abc'
    } as const
    expect(packageIdSpecString({ name: 'x', version: '1.0.0', source: git })).toBe(
      'git+https://host/x?branch=a+b#1.0.0'
    )
  })

  it('normalizes cfg platforms and leaves triples alone', () => {
    expect(displayPlatform('cfg(target_os="linux")')).toBe('cfg(target_os = "linux")')
    expect(displayPlatform('cfg(all(unix,not(target_os = "macos")))')).toBe(
      'cfg(all(unix, not(target_os = "macos")))'
    )
    expect(displayPlatform('x86_64-unknown-linux-gnu')).toBe('x86_64-unknown-linux-gnu')
  })

  it('prints requirements as the semver crate does', () => {
    expect(
      ['1', '1.2', '=1.0.0', '>= 1.2, < 2', '1.*', '*', '~0.4.1-rc.1', undefined].map(formatVersionReq)
    ).toEqual(['^1', '^1.2', '=1.0.0', '>=1.2, <2', '1.*', '*', '~0.4.1-rc.1', '*'])
  })

  it('keeps key order, even for integer-like keys, in compact JSON', () => {
    expect(
      jsonText(
        obj([
          ['b', 1],
          ['2021', [true, null]],
          ['a', obj([['x', 'q"\n']])]
        ])
      )
    ).toBe('{"b":1,"2021":[true,null],"a":{"x":"q\\"\\n"}}')
  })

  it('orders dependencies as cargo does: plain tables, then targets by key', () => {
    const dep = (name: string, kind: Dependency['kind'], platform?: string): Dependency => ({
      name,
      packageName: name,
      kind,
      source: { type: 'registry' },
      optional: false,
      defaultFeatures: true,
      features: [],
      ...(platform ? { platform } : {})
    })
    const order = cargoDependencyOrder([
      dep('z', 'build', 'cfg(unix)'),
      dep('y', 'dev', 'cfg(unix)'),
      dep('b', 'build'),
      dep('a', 'dev'),
      dep('c', 'normal', 'cfg(unix)'),
      dep('d', 'normal'),
      dep('e', 'normal', 'cfg(a)')
    ]).map((d) => d.name)
    expect(order).toEqual(['d', 'a', 'b', 'e', 'c', 'z', 'y'])
  })
})

import { describe, expect, it } from 'vitest'
import { displayPackage } from '../../../../src/main/engine/compiler/package-display'
import { packageIdSpec } from '../../../../src/main/engine/workspace/package-graph'
import type { PackageId } from '../../../../src/main/engine/resolver/resolve/resolve-types'
import { CRATES_IO } from '../../../../src/main/engine/sources/source-id'

const ids = {
  registry: { name: 'itoa', version: '1.0.1', source: CRATES_IO },
  sparse: { name: 'itoa', version: '1.0.1', source: { kind: 'sparse', url: 'https://index.crates.io/' } },
  other: { name: 'foo', version: '0.1.0', source: { kind: 'sparse', url: 'https://reg.example/index/' } },
  git: {
    name: 'gitdep',
    version: '0.2.0',
    source: {
      kind: 'git',
      url: 'file:///repos/gitdep.git',
      ref: { type: 'branch', value: 'fix/a b' },
      precise: '0008d87ee34e030a0c6938e13900abac559a6ce5'
    }
  },
  path: { name: 'helper', version: '0.3.0', source: { kind: 'path', path: '/work/helper' } },
  renamedPath: { name: 'helper', version: '0.3.0', source: { kind: 'path', path: '/work/tools' } }
} satisfies Record<string, PackageId>

describe("package names in status lines (cargo's PackageId display)", () => {
  it('leaves crates.io out, in either index form, and shows any other source', () => {
    expect(displayPackage(ids.registry)).toBe('itoa v1.0.1')
    expect(displayPackage(ids.sparse)).toBe('itoa v1.0.1')
    expect(displayPackage(ids.other)).toBe('foo v0.1.0 (registry `sparse+https://reg.example/index/`)')
    expect(displayPackage(ids.git)).toBe('gitdep v0.2.0 (file:///repos/gitdep.git?branch=fix%2Fa+b#0008d87e)')
    expect(displayPackage(ids.path)).toBe('helper v0.3.0 (/work/helper)')
  })
})

describe('package ID specs (the package_id of cargo messages)', () => {
  it('are distinct per source, with the name left out when the URL ends in it', () => {
    expect(packageIdSpec(ids.registry)).toBe(
      'registry+https://github.com/rust-lang/crates.io-index#itoa@1.0.1'
    )
    expect(packageIdSpec(ids.sparse)).toBe('sparse+https://index.crates.io/#itoa@1.0.1')
    expect(packageIdSpec(ids.git)).toBe('git+file:///repos/gitdep.git?branch=fix%2Fa+b#gitdep@0.2.0')
    expect(packageIdSpec(ids.path)).toBe('path+file:///work/helper#0.3.0')
    expect(packageIdSpec(ids.renamedPath)).toBe('path+file:///work/tools#helper@0.3.0')
  })
})

import { describe, expect, it } from 'vitest'
import {
  computeUnitLto,
  ltoArgs,
  type LtoUnitInfo
} from '../../../../../src/main/engine/compiler/profile/unit-lto'

interface Node {
  readonly name: string
  readonly info: LtoUnitInfo
  readonly deps: Node[]
}

function node(name: string, crateTypes: string[], lto: string, deps: Node[] = [], hostTarget = false): Node {
  return { name, info: { crateTypes, lto, hostTarget }, deps }
}

/** Each unit's flags, by name, for the graph under `roots` (expected values: cargo 1.95 -v). */
function flags(roots: Node[]): Record<string, string> {
  const map = computeUnitLto(
    roots,
    (n) => n.deps,
    (n) => n.info
  )
  return Object.fromEntries([...map].map(([n, lto]) => [n.name, ltoArgs(lto).join(' ')]))
}

/** A package with lib + bin, a dependency, a proc-macro and a build script with its own dependency. */
function pkg(lto: string): Node[] {
  const q = node('q', ['lib'], lto)
  const b = node('b', ['lib'], lto)
  const m = node('m', ['proc-macro'], lto, [], true)
  const script = node('build-script', ['bin'], lto, [b], true)
  const lib = node('p-lib', ['lib'], lto, [q, m, script])
  const bin = node('p-bin', ['bin'], lto, [lib, q, m, script])
  return [lib, bin]
}

describe('computeUnitLto', () => {
  it('lto = true: the binary runs LTO, rlibs carry bitcode, host units object code', () => {
    expect(flags(pkg('true'))).toEqual({
      q: '-C linker-plugin-lto',
      'p-lib': '-C linker-plugin-lto',
      'p-bin': '-C lto',
      m: '-C embed-bitcode=no',
      'build-script': '-C embed-bitcode=no',
      b: '-C embed-bitcode=no'
    })
  })

  it('thin, off and false', () => {
    expect(flags(pkg('thin'))['p-bin']).toBe('-C lto=thin')
    expect(flags(pkg('thin')).q).toBe('-C linker-plugin-lto')
    const off = flags(pkg('off'))
    expect([off.q, off['p-bin'], off.b]).toEqual([
      '-C lto=off -C embed-bitcode=no',
      '-C lto=off -C embed-bitcode=no',
      '-C embed-bitcode=no'
    ])
    expect(new Set(Object.values(flags(pkg('false'))))).toEqual(new Set(['-C embed-bitcode=no']))
  })

  it('a cdylib+rlib needs object code and bitcode; a staticlib runs LTO; a dylib cannot', () => {
    const q1 = node('q', ['lib'], 'true')
    expect(flags([node('z', ['cdylib', 'rlib'], 'true', [q1])])).toEqual({ z: '', q: '' })
    const q2 = node('q', ['lib'], 'true')
    expect(flags([node('z', ['staticlib'], 'true', [q2])])).toEqual({
      z: '-C lto',
      q: '-C linker-plugin-lto'
    })
    const q3 = node('q', ['lib'], 'true')
    expect(flags([node('z', ['dylib'], 'true', [q3])])).toEqual({
      z: '-C embed-bitcode=no',
      q: '-C embed-bitcode=no'
    })
  })

  it('a unit both an LTO link and a host unit use needs both kinds of output', () => {
    const shared = node('shared', ['lib'], 'true')
    const script = node('build-script', ['bin'], 'true', [shared], true)
    const bin = node('bin', ['bin'], 'true', [shared, script])
    expect(flags([bin]).shared).toBe('')
  })
})

import { describe, expect, it } from 'vitest'
import { lockReport } from '../../../../src/main/engine/compiler/lock-report'
import { packageIdKey, type PackageId } from '../../../../src/main/engine/resolver/resolve/resolve-types'
import { CRATES_IO, type SourceId } from '../../../../src/main/engine/sources/source-id'

const app: PackageId = { name: 'app', version: '0.1.0', source: { kind: 'path', path: '/w/app' } }
const members = [packageIdKey(app)]
const reg = (name: string, version: string): PackageId => ({ name, version, source: CRATES_IO })
const git = (precise: string): PackageId => {
  const source: SourceId = { kind: 'git', url: 'file:///r/x.git', ref: { type: 'default' }, precise }
  return { name: 'x', version: '0.2.0', source }
}
const lines = (previous: PackageId[] | undefined, current: PackageId[], rustVersion?: string) =>
  lockReport({ previous, current, members, ...(rustVersion ? { rustVersion } : {}) }).map(
    (s) => `${s.verb} ${s.detail}`
  )

describe("a build's report of Cargo.lock changes, as cargo prints it", () => {
  it('a new lock: only the count of packages besides the members', () => {
    expect(lines(undefined, [app, reg('itoa', '1.0.1'), git('0123456789abcdef')])).toEqual([
      'Locking 2 packages to latest compatible versions'
    ])
    expect(lines(undefined, [app, reg('itoa', '1.0.1')])).toEqual([
      'Locking 1 package to latest compatible version'
    ])
  })

  it('a new lock of a package without dependencies says nothing', () => {
    expect(lines(undefined, [app])).toEqual([])
  })

  it('names the Rust version the resolver honoured', () => {
    expect(lines(undefined, [app, reg('itoa', '1.0.1')], '1.85')).toEqual([
      'Locking 1 package to latest Rust 1.85 compatible version'
    ])
  })

  it('an existing lock: one line per added, updated or downgraded package, by name', () => {
    const before = [app, reg('log', '0.4.17'), reg('either', '1.6.1'), reg('memchr', '2.5.0')]
    const after = [
      app,
      reg('log', '0.4.20'),
      reg('either', '1.5.0'),
      reg('memchr', '2.5.0'),
      reg('cfg-if', '1.0.0')
    ]
    expect(lines(before, after)).toEqual([
      'Locking 3 packages to latest compatible versions',
      'Adding cfg-if v1.0.0',
      'Downgrading either v1.6.1 -> v1.5.0',
      'Updating log v0.4.17 -> v0.4.20'
    ])
  })

  it('a git dependency at a new commit shows the commit it moved to', () => {
    expect(lines([app, git('1111111111111111')], [app, git('2222222222222222')])).toEqual([
      'Locking 1 package to latest compatible version',
      'Updating x v0.2.0 (file:///r/x.git#11111111) -> #22222222'
    ])
  })

  it('removals and an unchanged lock print nothing', () => {
    expect(lines([app, reg('itoa', '1.0.1'), reg('log', '0.4.17')], [app, reg('log', '0.4.17')])).toEqual([])
    expect(lines([app, reg('log', '0.4.17')], [app, reg('log', '0.4.17')])).toEqual([])
  })

  it('a second version next to the first is added, not an update', () => {
    expect(lines([app, reg('rand', '0.7.3')], [app, reg('rand', '0.7.3'), reg('rand', '0.8.5')])).toEqual([
      'Locking 1 package to latest compatible version',
      'Adding rand v0.8.5'
    ])
  })
})

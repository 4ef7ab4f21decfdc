import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '@shared/models/diagnostic'
import {
  crateFromDiagnostic,
  groupDiagnostics
} from '../../../../src/renderer/src/features/build-console/model/diagnostic-groups'

function diag(
  id: number,
  packageName: string | undefined,
  file: string | undefined,
  extra: Partial<Diagnostic> = {}
): Diagnostic {
  return {
    id,
    level: 'error',
    message: `problem ${id}`,
    ...(packageName ? { packageName, targetName: packageName } : {}),
    ...(file ? { location: { file, line: id, column: 1 } } : {}),
    ...extra
  }
}

const ids = (groups: ReturnType<typeof groupDiagnostics>) =>
  groups.map((g) => [g.crate?.label, g.files.map((f) => [f.file, f.diagnostics.map((d) => d.id)])])

describe('groupDiagnostics', () => {
  it('groups by crate, then file, in the order each first appeared', () => {
    const list = [
      diag(1, 'app', '/p/src/main.rs'),
      diag(2, 'util', '/u/src/lib.rs'),
      diag(3, 'app', '/p/src/args.rs'),
      diag(4, 'app', '/p/src/main.rs'),
      diag(5, 'util', undefined)
    ]
    expect(ids(groupDiagnostics(list, crateFromDiagnostic))).toEqual([
      [
        'app',
        [
          ['/p/src/main.rs', [1, 4]],
          ['/p/src/args.rs', [3]]
        ]
      ],
      [
        'util',
        [
          ['/u/src/lib.rs', [2]],
          [undefined, [5]]
        ]
      ]
    ])
  })

  it('puts diagnostics of no known crate in a group of their own', () => {
    const groups = groupDiagnostics(
      [diag(1, undefined, undefined), diag(2, 'app', '/p/a.rs')],
      crateFromDiagnostic
    )
    expect(groups.map((g) => g.crate)).toEqual([undefined, { key: 'app\0app', label: 'app' }])
  })

  it('counts errors (with ICEs) and warnings per crate', () => {
    const groups = groupDiagnostics(
      [
        diag(1, 'app', '/a.rs'),
        diag(2, 'app', '/a.rs', { level: 'ice' }),
        diag(3, 'app', '/b.rs', { level: 'warning' }),
        diag(4, 'app', '/b.rs', { level: 'note' })
      ],
      crateFromDiagnostic
    )
    expect(groups.map((g) => [g.errors, g.warnings])).toEqual([[2, 1]])
  })

  it('groups by whatever crate the caller says (the unit of the plan)', () => {
    const groups = groupDiagnostics([diag(1, 'app', '/a.rs'), diag(2, 'app', '/a.rs')], (d) =>
      d.id === 1
        ? { key: 'lib', label: 'app v0.1.0 (lib app)' }
        : { key: 'bin', label: 'app v0.1.0 (bin app)' }
    )
    expect(groups.map((g) => g.crate?.label)).toEqual(['app v0.1.0 (lib app)', 'app v0.1.0 (bin app)'])
  })
})

describe('crateFromDiagnostic', () => {
  it('names the target only when it differs from the package', () => {
    expect(crateFromDiagnostic(diag(1, 'my-app', undefined, { targetName: 'my_app' }))?.label).toBe('my-app')
    expect(crateFromDiagnostic(diag(1, 'app', undefined, { targetName: 'tool' }))?.label).toBe('app (tool)')
    expect(crateFromDiagnostic(diag(1, undefined, undefined))).toBeUndefined()
  })
})

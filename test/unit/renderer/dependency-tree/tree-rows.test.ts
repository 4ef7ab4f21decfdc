import { describe, expect, it } from 'vitest'
import {
  CARGO_EXPANSION,
  COLLAPSED,
  setExpanded
} from '../../../../src/renderer/src/features/dependency-tree/model/expansion'
import { indexGraph } from '../../../../src/renderer/src/features/dependency-tree/model/graph-index'
import {
  packageOfKey,
  type PackageRow
} from '../../../../src/renderer/src/features/dependency-tree/model/tree-rows'
import { edge, member, pkg, smallWorkspace } from './fixtures'
import { at, labels, rowsOf } from './helpers'

describe('the tree derived from the graph', () => {
  it('unfolds each package where it first appears and marks its other rows (*), headings per kind', () => {
    const { index, rows } = rowsOf(smallWorkspace())
    expect(labels(index, rows).slice(0, 10)).toEqual([
      'app@0.1.0',
      '  app-macros@0.1.0',
      '    proc-macro2@1.0.86',
      '      unicode-ident@1.0.12',
      '    quote@1.0.36',
      '      proc-macro2@1.0.86 (*) +',
      '    syn@2.0.72',
      '      proc-macro2@1.0.86 (*) +',
      '      quote@1.0.36 (*) +',
      '      unicode-ident@1.0.12'
    ])
    expect(labels(index, rows).slice(-7, -1)).toEqual([
      '  [build]',
      '  cc@1.0.90',
      '  [dev]',
      '  tempfile@3.10.1',
      '    cfg-if@1.0.0',
      '    fastrand@2.1.0'
    ])
    // The second root was unfolded under the first: cargo prints it as a repeat.
    expect(labels(index, rows).at(-1)).toBe('app-macros@0.1.0 (*) +')
  })

  it('gives every package row its ARIA level, position and set size, counting all kinds', () => {
    const { index, rows } = rowsOf(smallWorkspace())
    const children = rows.filter((r): r is PackageRow => r.type === 'package' && r.level === 2)
    expect(children.map((r) => [index.packages[r.pkg]!.name, r.posInSet, r.setSize, r.kind])).toEqual([
      ['app-macros', 1, 7, 'normal'],
      ['log', 2, 7, 'normal'],
      ['old-crate', 3, 7, 'normal'],
      ['rand', 4, 7, 'normal'],
      ['serde', 5, 7, 'normal'],
      ['cc', 6, 7, 'build'],
      ['tempfile', 7, 7, 'dev']
    ])
    expect(children.map((r) => r.lastInGroup)).toEqual([false, false, false, false, true, true, true])
    for (const r of rows)
      if (r.type === 'package' && r.parent >= 0) expect(rows[r.parent]?.level).toBe(r.level - 1)
  })

  it('keeps the unfolded copy in place when its subtree is closed, and opens a repeat only where asked', () => {
    const graph = smallWorkspace()
    const { index, rows } = rowsOf(graph)
    const quote = rows.find(
      (r) => r.type === 'package' && index.packages[r.pkg]!.name === 'quote' && !r.repeat
    )!
    const closed = rowsOf(index, setExpanded(CARGO_EXPANSION, [quote.key], false)).rows
    expect(closed.find((r) => r.key === quote.key)).toMatchObject({ expanded: false, repeat: false })
    expect(closed).toHaveLength(rows.length - 1)

    const repeat = rows.find((r) => r.type === 'package' && r.repeat && r.hasChildren)!
    const opened = rowsOf(index, setExpanded(CARGO_EXPANSION, [repeat.key], true)).rows
    const at = opened.findIndex((r) => r.key === repeat.key)
    expect(opened[at]).toMatchObject({ expanded: true, repeat: true })
    // Its children appear below it, themselves repeats (closed) when they have children.
    expect(opened[at + 1]).toMatchObject({ parent: at, level: repeat.level + 1 })
    expect(opened.length).toBeGreaterThan(rows.length)
  })

  it('starts with only the roots when collapsed', () => {
    const { index, rows } = rowsOf(smallWorkspace(), COLLAPSED)
    expect(labels(index, rows)).toEqual(['app@0.1.0 +', 'app-macros@0.1.0 (*) +'])
  })

  it('stops at cycles (a dev-dependency that depends back on the member)', () => {
    const graph = {
      packages: [member('app'), pkg('tester', '1.0.0')],
      edges: [edge('app 0.1.0', 'tester 1.0.0', { kind: 'dev' }), edge('tester 1.0.0', 'app 0.1.0')],
      roots: ['app 0.1.0']
    } as const
    const { index, rows } = rowsOf(graph)
    expect(labels(index, rows)).toEqual(['app@0.1.0', '  [dev]', '  tester@1.0.0', '    app@0.1.0 (*) +'])
  })

  it('turned around, lists the dependents up to the roots (cargo tree -i)', () => {
    const index = indexGraph(smallWorkspace())
    const { rows } = rowsOf(index, CARGO_EXPANSION, 'dependents', [at(index, 'cfg-if', '1.0.0')])
    expect(labels(index, rows)).toEqual([
      'cfg-if@1.0.0',
      '  getrandom@0.2.15',
      '    rand_core@0.6.4',
      '      rand@0.8.5',
      '        app@0.1.0',
      '  tempfile@3.10.1',
      '    [dev]',
      '    app@0.1.0'
    ])
  })

  it('tells the package a row key ends at, in either direction, without the rows', () => {
    const index = indexGraph(smallWorkspace())
    for (const direction of ['dependencies', 'dependents'] as const) {
      const roots = direction === 'dependencies' ? index.roots : [at(index, 'cfg-if', '1.0.0')]
      const { rows } = rowsOf(index, CARGO_EXPANSION, direction, roots)
      for (const row of rows)
        if (row.type === 'package') expect(packageOfKey(index, direction, row.key)).toBe(row.pkg)
    }
  })
})

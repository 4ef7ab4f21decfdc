import { describe, expect, it } from 'vitest'
import { COLLAPSED } from '../../../../src/renderer/src/features/dependency-tree/model/expansion'
import {
  filterRows,
  matchesPackage,
  matchingPackages,
  matchRange,
  parseQuery
} from '../../../../src/renderer/src/features/dependency-tree/model/search'
import type { PackageRow } from '../../../../src/renderer/src/features/dependency-tree/model/tree-rows'
import { treeText } from '../../../../src/renderer/src/features/dependency-tree/model/tree-text'
import { pkg, smallWorkspace } from './fixtures'
import { labels, rowsOf } from './helpers'

describe('search', () => {
  it('reads a name, or name@version, treating - and _ alike', () => {
    expect(parseQuery('  ')).toBeUndefined()
    expect(parseQuery('Proc-Macro')).toEqual({ name: 'proc_macro' })
    expect(parseQuery('rand@0.7')).toEqual({ name: 'rand', version: '0.7' })
    expect(parseQuery('rand@v0.8')).toEqual({ name: 'rand', version: '0.8' })
    expect(parseQuery('rand@')).toEqual({ name: 'rand' })
  })

  it('matches part of a name and a version prefix, and says where to highlight', () => {
    const q = parseQuery('macro')!
    expect(matchesPackage(q, pkg('proc-macro2', '1.0.0'))).toBe(true)
    expect(matchesPackage(q, pkg('serde', '1.0.0'))).toBe(false)
    expect(matchesPackage(parseQuery('rand@0.7')!, pkg('rand', '0.8.5'))).toBe(false)
    expect(matchesPackage(parseQuery('rand@0.7')!, pkg('rand_core', '0.7.3'))).toBe(true)
    expect(matchRange(q, 'proc-macro2')).toEqual([5, 10])
    expect(matchRange(parseQuery('proc_macro')!, 'proc-macro2')).toEqual([0, 10])
    expect(matchRange(q, 'serde')).toBeUndefined()
  })

  it('finds matching packages among those the roots reach', () => {
    const graph = smallWorkspace()
    const { index } = rowsOf({ ...graph, packages: [...graph.packages, pkg('randomly-unused', '1.0.0')] })
    const found = [...matchingPackages(index, parseQuery('rand')!)].map((p) => index.packages[p]!.id).sort()
    expect(found).toEqual([
      'fastrand 2.1.0',
      'getrandom 0.1.16',
      'getrandom 0.2.15',
      'rand 0.7.3',
      'rand 0.8.5',
      'rand_core 0.5.1',
      'rand_core 0.6.4'
    ])
  })

  it('filters down to matches and the rows above them, renumbering positions and keeping headings', () => {
    const { index, rows } = rowsOf(smallWorkspace())
    const wanted = new Set(['cfg-if', 'cc'])
    const kept = filterRows(rows, (r) => r.type === 'package' && wanted.has(index.packages[r.pkg]!.name))
    expect(labels(index, kept)).toEqual([
      'app@0.1.0',
      '  old-crate@0.3.0',
      '    rand@0.7.3',
      '      rand_core@0.5.1',
      '        getrandom@0.1.16',
      '          cfg-if@0.1.10',
      '  rand@0.8.5',
      '    rand_core@0.6.4',
      '      getrandom@0.2.15',
      '        cfg-if@1.0.0',
      '  [build]',
      '  cc@1.0.90',
      '  [dev]',
      '  tempfile@3.10.1',
      '    cfg-if@1.0.0'
    ])
    const top = kept.filter((r): r is PackageRow => r.type === 'package' && r.level === 2)
    expect(top.map((r) => [r.posInSet, r.setSize, r.lastInGroup])).toEqual([
      [1, 4, false],
      [2, 4, true],
      [3, 4, true],
      [4, 4, true]
    ])
    kept.forEach((r) => r.parent >= 0 && expect(kept[r.parent]?.level).toBe(r.level - 1))
    // The guides follow the renumbered rows.
    expect(treeText(index, kept).split('\n').slice(0, 3)).toEqual([
      'app v0.1.0 (/work/app)',
      '├── old-crate v0.3.0 (https://github.com/example/old-crate?branch=main#01234567)',
      '│   └── rand v0.7.3'
    ])
  })

  it('keeps nothing when nothing matches, and only the roots’ rows when only they are shown', () => {
    const { index, rows } = rowsOf(smallWorkspace(), COLLAPSED)
    expect(filterRows(rows, () => false)).toEqual([])
    expect(
      labels(
        index,
        filterRows(rows, () => true)
      )
    ).toEqual(labels(index, rows))
  })
})

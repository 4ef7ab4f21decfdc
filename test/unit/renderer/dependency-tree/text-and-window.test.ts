import { describe, expect, it } from 'vitest'
import { cargoSourceLabel, type GraphSource } from '@shared/models/dependency-tree'
import {
  gitReferenceText,
  shortSource
} from '../../../../src/renderer/src/features/dependency-tree/model/source-text'
import { packageLine, treeText } from '../../../../src/renderer/src/features/dependency-tree/model/tree-text'
import {
  rowsPerPage,
  scrollToReveal,
  visibleRange
} from '../../../../src/renderer/src/features/dependency-tree/model/virtual-range'
import { COLLAPSED } from '../../../../src/renderer/src/features/dependency-tree/model/expansion'
import { edge, member, pkg } from './fixtures'
import { rowsOf } from './helpers'

const GIT: GraphSource = {
  kind: 'git',
  url: 'https://github.com/example/x',
  reference: { type: 'tag', value: 'v1' },
  commit: 'fedcba9876543210fedcba9876543210fedcba98'
}

describe('sources, as cargo tree prints them and as a row shows them', () => {
  it('prints nothing for crates.io, the path, the registry name, or the git URL with ref and 8-digit commit', () => {
    expect(cargoSourceLabel(pkg('a', '1.0.0').source)).toBeUndefined()
    expect(cargoSourceLabel({ kind: 'path', path: '/w/a' })).toBe('/w/a')
    expect(cargoSourceLabel({ kind: 'registry', name: 'my-reg', url: 'sparse+https://r/' })).toBe(
      'registry `my-reg`'
    )
    expect(cargoSourceLabel(GIT)).toBe('https://github.com/example/x?tag=v1#fedcba98')
    expect(cargoSourceLabel({ kind: 'git', url: 'https://h/r' })).toBe('https://h/r')
  })

  it('shortens them for a row: registry, git@commit, path', () => {
    expect(shortSource(pkg('a', '1.0.0').source)).toBe('registry')
    expect(shortSource({ kind: 'registry', name: 'my-reg', url: 'x' })).toBe('my-reg')
    expect(shortSource(GIT)).toBe('git@fedcba98')
    expect(shortSource({ kind: 'git', url: 'https://h/r' })).toBe('git')
    expect(shortSource({ kind: 'path', path: '/p' })).toBe('path')
    expect(gitReferenceText(GIT)).toBe('tag = "v1"')
    expect(gitReferenceText({ kind: 'path', path: '/p' })).toBeUndefined()
  })

  it('names a package as cargo tree’s {p} does, proc-macro before the source', () => {
    expect(packageLine(pkg('m', '1.0.0', { procMacro: true, source: GIT }))).toBe(
      'm v1.0.0 (proc-macro) (https://github.com/example/x?tag=v1#fedcba98)'
    )
  })

  it('marks a closed repeat (*) only when it has dependencies, like cargo', () => {
    const graph = {
      packages: [member('app'), pkg('leaf', '1.0.0'), pkg('mid', '1.0.0')],
      edges: [
        edge('app 0.1.0', 'leaf 1.0.0'),
        edge('app 0.1.0', 'mid 1.0.0'),
        edge('mid 1.0.0', 'leaf 1.0.0'),
        edge('app 0.1.0', 'mid 1.0.0', { kind: 'build' })
      ],
      roots: ['app 0.1.0']
    }
    const { index, rows } = rowsOf(graph)
    expect(treeText(index, rows)).toBe(
      [
        'app v0.1.0 (/work/app)',
        '├── leaf v1.0.0',
        '└── mid v1.0.0',
        '    └── leaf v1.0.0',
        '[build-dependencies]',
        '└── mid v1.0.0 (*)',
        ''
      ].join('\n')
    )
    expect(treeText(index, rowsOf(graph, COLLAPSED).rows)).toBe('app v0.1.0 (/work/app)\n')
    expect(treeText(index, [])).toBe('')
  })
})

describe('windowing', () => {
  const viewport = { scrollTop: 280, height: 300 }

  it('renders the rows that intersect the viewport plus the overscan, within bounds', () => {
    expect(visibleRange(viewport, 28, 1000, 0)).toEqual({ start: 10, end: 21 })
    expect(visibleRange(viewport, 28, 1000, 5)).toEqual({ start: 5, end: 26 })
    expect(visibleRange({ scrollTop: 0, height: 300 }, 28, 4, 5)).toEqual({ start: 0, end: 4 })
    expect(visibleRange({ scrollTop: 0, height: 0 }, 28, 100, 0)).toEqual({ start: 0, end: 0 })
  })

  it('scrolls just enough to show a row fully, and not at all when it is in view', () => {
    expect(scrollToReveal(viewport, 28, 12)).toBeUndefined()
    expect(scrollToReveal(viewport, 28, 5)).toBe(140)
    expect(scrollToReveal(viewport, 28, 20)).toBe(21 * 28 - 300)
    expect(rowsPerPage(viewport, 28)).toBe(10)
    expect(rowsPerPage({ scrollTop: 0, height: 0 }, 28)).toBe(1)
  })
})

/**
 * The view's tree against the real cargo: golden/workspace.json holds `cargo metadata` and the
 * text of `cargo tree`, `cargo tree -i` and `cargo tree -d` for one workspace (recorded by
 * golden/record.mjs). Fed the same resolve, our rows must print the same text.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  duplicateRoots,
  findDuplicates
} from '../../../../src/renderer/src/features/dependency-tree/model/duplicates'
import { CARGO_EXPANSION } from '../../../../src/renderer/src/features/dependency-tree/model/expansion'
import { indexGraph } from '../../../../src/renderer/src/features/dependency-tree/model/graph-index'
import {
  firstOccurrences,
  flattenTree,
  type TreeSpec
} from '../../../../src/renderer/src/features/dependency-tree/model/tree-rows'
import { treeText } from '../../../../src/renderer/src/features/dependency-tree/model/tree-text'
import { graphFromMetadata, type CargoMetadata } from './metadata-graph'

interface Golden {
  readonly metadata: CargoMetadata
  readonly trees: Readonly<Record<string, string>>
}

const golden = JSON.parse(
  readFileSync(join(import.meta.dirname, 'golden', 'workspace.json'), 'utf8')
) as Golden
const index = indexGraph(graphFromMetadata(golden.metadata))

function text(spec: TreeSpec): string {
  return treeText(index, flattenTree(index, spec, firstOccurrences(index, spec), CARGO_EXPANSION))
}

function pkg(name: string, version?: string): number {
  const found = index.packages.findIndex(
    (p) => p.name === name && (version === undefined || p.version === version)
  )
  if (found < 0) throw new Error(`no ${name} in the golden workspace`)
  return found
}

describe('the tree as cargo prints it', () => {
  it('matches `cargo tree` (both members, headings, (*), proc-macro, git and path sources)', () => {
    expect(text({ direction: 'dependencies', roots: index.roots })).toBe(golden.trees['tree'])
  })

  it.each([
    ['tree -i cfg-if@1.0.0', 'cfg-if', '1.0.0'],
    ['tree -i proc-macro2', 'proc-macro2', undefined],
    ['tree -i libc', 'libc', undefined]
  ])('matches `cargo %s`', (command, name, version) => {
    expect(text({ direction: 'dependents', roots: [pkg(name, version)] })).toBe(golden.trees[command])
  })

  it('matches `cargo tree -d` (the git cfg-if beside the registry one)', () => {
    const roots = duplicateRoots(findDuplicates(index))
    expect(roots.map((r) => index.packages[r]?.version)).toEqual(['0.1.10', '1.0.0'])
    expect(text({ direction: 'dependents', roots })).toBe(golden.trees['tree -d'])
  })
})

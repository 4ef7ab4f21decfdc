/**
 * The dependency view's data, end to end: our resolver and feature resolution produce the
 * `DependencyGraph`, and the view's own tree logic turns it into the text `cargo tree`,
 * `cargo tree -i` and `cargo tree -d` print for the same package.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { hostTargetData } from '../../../src/main/engine/resolver/feature-resolver/target-data'
import { findRustc, rustcInfo } from '../../../src/main/engine/tools/rustc'
import { dependencyGraphOf } from '../../../src/main/engine/tree/dependency-graph'
import { resolveWorkspace } from '../../../src/main/engine/workspace/resolve-workspace'
import {
  duplicateRoots,
  findDuplicates
} from '../../../src/renderer/src/features/dependency-tree/model/duplicates'
import { CARGO_EXPANSION } from '../../../src/renderer/src/features/dependency-tree/model/expansion'
import {
  indexGraph,
  type GraphIndex
} from '../../../src/renderer/src/features/dependency-tree/model/graph-index'
import {
  firstOccurrences,
  flattenTree,
  type TreeSpec
} from '../../../src/renderer/src/features/dependency-tree/model/tree-rows'
import { treeText } from '../../../src/renderer/src/features/dependency-tree/model/tree-text'
import { requireCargoAndRegistry, runCargo } from '../../helpers/cargo-offline'
import { MIXED_CRATES, mixedPackage } from '../../helpers/mixed-package'
import { fileTempDir } from '../../helpers/temp-dir'

let app: string
let cargoHome: string
let index: GraphIndex

const text = (spec: TreeSpec) =>
  treeText(index, flattenTree(index, spec, firstOccurrences(index, spec), CARGO_EXPANSION))

async function cargoTree(args: readonly string[]): Promise<string> {
  const r = await runCargo(['tree', ...args], app, cargoHome)
  expect(r.exitCode, r.stderr).toBe(0)
  return `${r.stdout}\n`
}

beforeAll(async () => {
  await requireCargoAndRegistry(MIXED_CRATES)
  const root = await fileTempDir('cs-dep-graph-')
  cargoHome = join(root, 'cargo-home')
  app = await mixedPackage(root)
  const fetched = await runCargo(['generate-lockfile'], app, cargoHome, false)
  expect(fetched.exitCode, fetched.stderr).toBe(0)
  const ws = await resolveWorkspace({
    manifestPath: join(app, 'Cargo.toml'),
    env: { PATH: process.env.PATH },
    homeDir: homedir(),
    cacheDir: cargoHome,
    offline: true
  })
  const rustc = await rustcInfo(await findRustc(), process.env, app)
  index = indexGraph(dependencyGraphOf(ws, hostTargetData(rustc)))
})

describe('the dependency view’s graph against cargo tree', () => {
  it('draws the tree cargo tree prints', async () => {
    expect(text({ direction: 'dependencies', roots: index.roots })).toBe(await cargoTree([]))
  })

  it('answers “why is it here” as cargo tree -i does', async () => {
    const log = index.packages.findIndex((p) => p.name === 'log' && p.version.startsWith('0.4'))
    expect(text({ direction: 'dependents', roots: [log] })).toBe(await cargoTree(['-i', 'log@0.4.17']))
  })

  it('finds the duplicates cargo tree -d finds', async () => {
    const roots = duplicateRoots(findDuplicates(index))
    expect(roots.map((r) => index.packages[r]?.name)).toEqual(['log', 'log'])
    expect(text({ direction: 'dependents', roots })).toBe(await cargoTree(['-d']))
  })
})

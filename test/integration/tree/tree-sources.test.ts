/**
 * `cargo tree` on the other shapes a graph takes: two registry versions of one crate (`-d`),
 * a resolver-1 workspace (no host/target split), and a git dependency (its ` (url?branch=…#commit)`).
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  hostTargetData,
  type TargetData
} from '../../../src/main/engine/resolver/feature-resolver/target-data'
import { cargoTree } from '../../../src/main/engine/tree/cargo-tree'
import { findRustc, rustcInfo } from '../../../src/main/engine/tools/rustc'
import { resolveFromCargo, runRealCargo } from '../../helpers/resolve-from-cargo'
import { fileTempDir } from '../../helpers/temp-dir'
import { PROC_MACRO_ROOT_FIXTURE, RESOLVER1_FIXTURE } from '../metadata/fixtures'
import {
  DUPES_FIXTURE,
  DUPES_REGISTRY,
  gitFixture,
  gitRepository,
  offlineConfig,
  onlineConfig,
  requireCargoAndCrates,
  syntheticRegistry,
  treeOptionsFromArgs,
  writeFiles
} from './fixtures'

let base: string
let cargoHome: string
let targetData: TargetData
const dirs: Record<'dupes' | 'resolver1' | 'git' | 'macros', string> = {
  dupes: '',
  resolver1: '',
  git: '',
  macros: ''
}

beforeAll(async () => {
  await requireCargoAndCrates()
  base = await fileTempDir('cs-tree-src-')
  cargoHome = join(base, 'cargo-home')
  targetData = hostTargetData(await rustcInfo(await findRustc()))
  const registry = await syntheticRegistry(join(base, 'registry'), DUPES_REGISTRY)
  dirs.dupes = join(base, 'dupes')
  await writeFiles(dirs.dupes, { ...DUPES_FIXTURE, '.cargo/config.toml': offlineConfig(registry) })
  dirs.resolver1 = join(base, 'resolver1')
  await writeFiles(dirs.resolver1, { ...RESOLVER1_FIXTURE, '.cargo/config.toml': offlineConfig() })
  dirs.macros = join(base, 'macros')
  await writeFiles(dirs.macros, { ...PROC_MACRO_ROOT_FIXTURE, '.cargo/config.toml': offlineConfig() })
  const repo = await gitRepository(join(base, 'gitrepo'))
  dirs.git = join(base, 'git')
  await writeFiles(dirs.git, { ...gitFixture(repo.url), '.cargo/config.toml': onlineConfig() })
  // The one online step: cargo clones the file:// repository into its home; later runs are offline.
  const fetch = await runRealCargo(['generate-lockfile'], dirs.git, cargoHome)
  if (fetch.exitCode !== 0) throw new Error(`cargo could not fetch the git fixture:\n${fetch.stderr}`)
})

async function compare(which: keyof typeof dirs, args: readonly string[]): Promise<string> {
  const dir = dirs[which]
  const ws = await resolveFromCargo(dir, cargoHome)
  const cargo = await runRealCargo(['tree', '--offline', ...args], dir, cargoHome)
  expect(cargo.exitCode, cargo.stderr).toBe(0)
  const ours = cargoTree(ws, targetData, treeOptionsFromArgs(args))
  expect(ours.text).toBe(cargo.stdout)
  return ours.text
}

describe('cargo tree on registries, resolver 1 and git', () => {
  it.each([
    [[]],
    [['-d']],
    [['-d', '-e', 'no-dev']],
    [['-i', 'twover@1.0.0']],
    [['-e', 'features']],
    [['-f', '{p} {f}']]
  ])('two versions: %j', async (args) => {
    await compare('dupes', args)
  })

  it('finds both versions of a registry crate with -d', async () => {
    const text = await compare('dupes', ['-d'])
    expect(text).toContain('twover v1.0.0')
    expect(text).toContain('twover v2.0.0')
  })

  it.each([
    [[]],
    [['-e', 'features']],
    [['-d']],
    [['-F', 'dep1/extra', '-e', 'features']],
    [['-f', '{p} [{f}]']]
  ])('resolver 1: %j', async (args) => {
    await compare('resolver1', args)
  })

  it.each([
    [[]],
    [['-e', 'features']],
    [['-e', 'features', '-F', 'all']],
    [['-e', 'no-dev', '-F', 'all']],
    [['-d']],
    [['-f', '{p} {lib} [{f}]']],
    [['-i', 'memchr', '-F', 'all', '-e', 'features']],
    [['-p', 'helper-pkg', '-p', 'my-macros']]
  ])('proc-macro root: %j', async (args) => {
    await compare('macros', args)
  })

  it.each([[[]], [['-e', 'features']], [['-i', 'inner']], [['-f', '{p} {lib}']]])('git: %j', async (args) => {
    await compare('git', args)
  })

  it('prints a git package with its branch and short commit', async () => {
    const text = await compare('git', [])
    expect(text).toMatch(/gitdep v0\.5\.0 \(file:\/\/\S+\?branch=main#[0-9a-f]{8}\)/)
  })
})

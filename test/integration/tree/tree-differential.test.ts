/**
 * Our `cargo tree` against the real one: the same fixture workspace, the same arguments, and
 * the printed text must be identical byte for byte (errors must be errors on both sides).
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  hostTargetData,
  withTargets,
  type TargetData
} from '../../../src/main/engine/resolver/feature-resolver/target-data'
import { cargoTree } from '../../../src/main/engine/tree/cargo-tree'
import { findRustc, rustcInfo } from '../../../src/main/engine/tools/rustc'
import type { ResolvedWorkspace } from '../../../src/main/engine/workspace/resolved-workspace'
import { resolveFromCargo, runRealCargo } from '../../helpers/resolve-from-cargo'
import { fileTempDir } from '../../helpers/temp-dir'
import {
  MAIN_FIXTURE,
  offlineConfig,
  requireCargoAndCrates,
  treeOptionsFromArgs,
  writeFiles
} from './fixtures'

const WINDOWS = 'x86_64-pc-windows-msvc'
const LINUX = 'x86_64-unknown-linux-gnu'

let wsDir: string
let cargoHome: string
let ws: ResolvedWorkspace
let targetData: TargetData

beforeAll(async () => {
  await requireCargoAndCrates()
  const dir = await fileTempDir('cs-tree-')
  wsDir = join(dir, 'fixture')
  cargoHome = join(dir, 'cargo-home')
  await writeFiles(wsDir, { ...MAIN_FIXTURE, '.cargo/config.toml': offlineConfig() })
  ws = await resolveFromCargo(wsDir, cargoHome)
  const rustc = await rustcInfo(await findRustc())
  targetData = await withTargets(hostTargetData(rustc), rustc.path, [WINDOWS, LINUX])
})

async function compare(args: readonly string[]): Promise<void> {
  const cargo = await runRealCargo(['tree', '--offline', ...args], wsDir, cargoHome)
  let ours: { text: string; warnings: readonly string[] } | Error
  try {
    ours = cargoTree(ws, targetData, treeOptionsFromArgs(args))
  } catch (e) {
    ours = e as Error
  }
  if (cargo.exitCode !== 0) {
    expect(ours, `cargo failed:\n${cargo.stderr}`).toBeInstanceOf(Error)
    return
  }
  if (ours instanceof Error) throw ours
  expect(ours.text).toBe(cargo.stdout)
  // cargo's warnings, without its status lines (`     Locking …`).
  const warnings = cargo.stderr
    .replace(/^ +[A-Z][a-z]+ .*\n/gm, '')
    .split(/^warning: /m)
    .slice(1)
    .map((w) => w.trimEnd())
  expect(ours.warnings).toEqual(warnings)
}

const CASES: readonly (readonly string[])[] = [
  [],
  ['-e', 'features'],
  ['-e', 'all'],
  ['-e', 'normal'],
  ['-e', 'build'],
  ['-e', 'dev'],
  ['-e', 'no-dev'],
  ['-e', 'no-build,no-dev'],
  ['-e', 'no-normal'],
  ['-e', 'no-proc-macro'],
  ['-e', 'features,no-dev'],
  ['-e', 'normal,features'],
  ['--no-dedupe'],
  ['-d'],
  ['-d', '-e', 'no-dev'],
  ['-d', '--target', 'all'],
  ['-i', 'memchr@2.5.0'],
  ['-i', 'memchr@1.0.0'],
  ['-i', 'memchr'],
  ['-i', 'proc-macro2'],
  ['-i', 'proc-macro2', '-e', 'features'],
  ['-i', 'itoa', '--prefix', 'depth'],
  ['-i', 'libc'],
  ['-i', 'libc', '-e', 'no-dev'],
  ['-i', 'libc', '--target', 'all'],
  ['-i', 'libc', '--target', WINDOWS],
  ['-i', 'nosuch'],
  ['--depth', '0'],
  ['--depth', '1'],
  ['--depth', '2', '-e', 'features'],
  ['--depth', 'workspace'],
  ['--prefix', 'depth'],
  ['--prefix', 'none'],
  ['--prefix', 'none', '-e', 'features'],
  ['--charset', 'ascii'],
  ['--charset', 'ascii', '-e', 'features'],
  ['-f', '{p} {l} {r} {f} {lib}'],
  ['-f', '{{{lib}}} [{f}]', '-e', 'features'],
  ['-f', '{x}'],
  ['--target', 'all'],
  ['--target', 'all', '-e', 'features'],
  ['--target', WINDOWS],
  ['--target', WINDOWS, '-e', 'features'],
  ['-p', 'serde'],
  ['-p', 'serde_derive', '-e', 'features'],
  ['-p', 'dep1'],
  ['-p', 'memchr'],
  ['-p', 'fixture'],
  ['-F', 'logging'],
  ['-F', 'weak'],
  ['-F', 'weak,logging', '-e', 'features'],
  ['-F', 'everything', '-e', 'features'],
  ['-F', 'dep1/fast', '-e', 'features'],
  ['-F', 'fixture/logging'],
  ['-F', 'nosuch'],
  ['--all-features'],
  ['--all-features', '-e', 'features', '--target', 'all'],
  ['--no-default-features'],
  ['--no-default-features', '-e', 'features'],
  ['--prune', 'serde_derive'],
  ['--prune', 'nosuch'],
  ['-e', 'bogus'],
  ['--target', LINUX],
  ['--target', LINUX, '-d'],
  ['--target', LINUX, '--target', WINDOWS],
  ['--target', LINUX, '-e', 'features', '-i', 'memchr@2.5.0'],
  ['-i', 'serde', '-i', 'itoa'],
  ['-i', 'serde', '-e', 'features'],
  ['-p', 'dep1', '-p', 'serde'],
  ['--no-dedupe', '-e', 'features'],
  ['-e', 'features', '-d'],
  ['-e', 'no-normal,no-build,no-dev'],
  ['-e', 'no-proc-macro', '-p', 'serde']
]

describe('cargo tree matches cargo 1.95', () => {
  it.each(CASES.map((c) => [c.join(' ') || '(no arguments)', c] as const))('%s', async (_name, args) => {
    await compare(args)
  })
})

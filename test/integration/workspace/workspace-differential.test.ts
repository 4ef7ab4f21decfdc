/**
 * Workspaces next to the real cargo: a virtual workspace (globbed members, an excluded folder,
 * default-members, `[workspace.package]` and `[workspace.dependencies]` inheritance with added
 * features and `optional`, an implicit path member) and a root package that is itself a member.
 * Cargo.lock, `metadata` and `tree` (with `--workspace`, `--exclude`, `-p`, `-i`, from the root and
 * from members) must be byte for byte cargo's.
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { requireCargoAndRegistry, runCargo, runCli } from '../../helpers/cargo-offline'
import { offlineWorkspace } from '../../helpers/workspace-fixture'
import { fileTempDir } from '../../helpers/temp-dir'

let cargoHome: string

async function sameLock(dir: string): Promise<void> {
  const lock = join(dir, 'Cargo.lock')
  const cargo = await runCargo(['generate-lockfile'], dir, cargoHome)
  expect(cargo.exitCode, cargo.stderr).toBe(0)
  const theirs = await readFile(lock, 'utf8')
  await rm(lock)
  const ours = await runCli(['generate-lockfile', '--offline'], dir)
  expect(ours.exitCode, ours.stderr).toBe(0)
  expect(await readFile(lock, 'utf8')).toBe(theirs)
}

async function sameOutput(cwd: string, args: readonly string[]): Promise<void> {
  const cargo = await runCargo(args, cwd, cargoHome)
  const ours = await runCli([...args, '--offline'], cwd)
  expect(ours.exitCode, ours.stderr).toBe(cargo.exitCode)
  expect(ours.stdout).toBe(cargo.stdout)
}

beforeAll(async () => {
  await requireCargoAndRegistry(['serde', 'regex', 'either', 'anyhow', 'log', 'itoa'])
  cargoHome = await fileTempDir('cs-ws-home-')
})

const TREE_CASES: readonly (readonly string[])[] = [
  [],
  ['--workspace'],
  ['--workspace', '--exclude', 'helper'],
  ['-p', 'shape-util'],
  ['-p', 'shape-util', '-p', 'helper'],
  ['-p', 'core-shapes@0.3.1'],
  ['-i', 'itoa'],
  ['-i', 'itoa', '--workspace'],
  ['--workspace', '-e', 'features'],
  ['--workspace', '-d'],
  ['--workspace', '--depth', 'workspace'],
  ['-p', 'shape-util', '-F', 'fancy'],
  ['--workspace', '-F', 'shape-util/fancy'],
  // `--workspace` wins over `-p`; `-p` and `--exclude` take globs over member names.
  ['--workspace', '-p', 'helper'],
  ['-p', 'shape*'],
  ['--workspace', '--exclude', 'shape*']
]

describe('a virtual workspace', () => {
  let dir: string
  beforeAll(async () => {
    dir = await offlineWorkspace('virtual')
    await sameLock(dir)
  })

  it('writes the same Cargo.lock as cargo', async () => {
    await sameLock(dir)
  })

  it.each([
    ['.', ['metadata', '--format-version', '1']],
    ['.', ['metadata', '--format-version', '1', '--no-deps']],
    ['crates/util', ['metadata', '--format-version', '1']],
    ['tools/cli', ['metadata', '--format-version', '1', '--no-deps']]
  ])('prints the same metadata in %s: %j', async (sub, args) => {
    await sameOutput(join(dir, sub), args)
  })

  it.each(TREE_CASES.map((args) => [args]))('prints the same tree for %j', async (args) => {
    await sameOutput(dir, ['tree', ...args])
  })

  it.each([
    ['crates/util', []],
    ['crates/util', ['-F', 'fancy']],
    ['tools/cli', ['-e', 'features']],
    ['vendor/helper', ['-i', 'itoa']]
  ])('prints the same tree from the member %s: %j', async (sub, args) => {
    await sameOutput(join(dir, sub), ['tree', ...args])
  })
})

describe('a root package that is also a workspace root', () => {
  let dir: string
  beforeAll(async () => {
    dir = await offlineWorkspace('root-package')
  })

  it('writes the same Cargo.lock as cargo', async () => {
    await sameLock(dir)
  })

  it.each([
    ['.', ['metadata', '--format-version', '1']],
    ['member', ['metadata', '--format-version', '1']],
    ['.', ['tree']],
    ['.', ['tree', '--workspace']],
    ['member', ['tree']],
    ['.', ['tree', '-i', 'anyhow', '--workspace']]
  ])('prints the same output in %s: %j', async (sub, args) => {
    await sameOutput(join(dir, sub), args)
  })
})

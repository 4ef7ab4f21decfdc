/**
 * Our `cargo metadata --format-version 1` against the real one: the same fixture workspaces and
 * flags must print the same bytes (errors must be errors on both sides). The registry packages
 * in the output are real crates from Debian's directory, read by our manifest reader.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { cargoMetadata, type MetadataOptions } from '../../../src/main/engine/metadata/cargo-metadata'
import {
  hostTargetData,
  withTargets,
  type TargetData
} from '../../../src/main/engine/resolver/feature-resolver/target-data'
import { findRustc, rustcInfo } from '../../../src/main/engine/tools/rustc'
import { resolveFromCargo, runRealCargo } from '../../helpers/resolve-from-cargo'
import { fileTempDir } from '../../helpers/temp-dir'
import {
  DUPES_FIXTURE,
  DUPES_REGISTRY,
  gitFixture,
  gitRepository,
  MAIN_FIXTURE,
  offlineConfig,
  onlineConfig,
  requireCargoAndCrates,
  syntheticRegistry,
  writeFiles
} from '../tree/fixtures'
import { FIELDS_FIXTURE, PROC_MACRO_ROOT_FIXTURE, RESOLVER1_FIXTURE } from './fixtures'

const WINDOWS = 'x86_64-pc-windows-msvc'
const LINUX = 'x86_64-unknown-linux-gnu'

let base: string
let cargoHome: string
let targetData: TargetData

beforeAll(async () => {
  await requireCargoAndCrates()
  base = await fileTempDir('cs-metadata-')
  cargoHome = join(base, 'cargo-home')
  const rustc = await rustcInfo(await findRustc())
  targetData = await withTargets(hostTargetData(rustc), rustc.path, [WINDOWS, LINUX])
})

function optionsFrom(args: readonly string[]): MetadataOptions {
  const features: string[] = []
  let allFeatures = false
  let noDefaultFeatures = false
  const filterPlatforms: string[] = []
  let noDeps = false
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--no-deps') noDeps = true
    else if (a === '-F' || a === '--features') features.push(args[++i]!)
    else if (a === '--all-features') allFeatures = true
    else if (a === '--no-default-features') noDefaultFeatures = true
    else if (a === '--filter-platform') filterPlatforms.push(args[++i]!)
    else throw new Error(`unsupported cargo metadata argument ${a}`)
  }
  return { noDeps, features: { features, allFeatures, noDefaultFeatures }, filterPlatforms, targetData }
}

const prepared = new Map<string, Promise<string>>()

/** Writes each fixture once; the git one is fetched online (from a file:// URL) once, then used offline. */
function fixtureDir(name: Fixture): Promise<string> {
  let dir = prepared.get(name)
  if (!dir) prepared.set(name, (dir = writeFixture(name)))
  return dir
}

type Fixture = 'main' | 'fields' | 'resolver1' | 'dupes' | 'git' | 'macros'

async function writeFixture(name: Fixture): Promise<string> {
  const dir = join(base, name)
  if (name === 'dupes') {
    const registry = await syntheticRegistry(join(base, 'registry'), DUPES_REGISTRY)
    await writeFiles(dir, { ...DUPES_FIXTURE, '.cargo/config.toml': offlineConfig(registry) })
  } else if (name === 'git') {
    const repo = await gitRepository(join(base, 'gitrepo'))
    await writeFiles(dir, { ...gitFixture(repo.url), '.cargo/config.toml': onlineConfig() })
    const fetch = await runRealCargo(['generate-lockfile'], dir, cargoHome)
    if (fetch.exitCode !== 0) throw new Error(`cargo could not fetch the git fixture:\n${fetch.stderr}`)
  } else {
    const files = {
      main: MAIN_FIXTURE,
      fields: FIELDS_FIXTURE,
      resolver1: RESOLVER1_FIXTURE,
      macros: PROC_MACRO_ROOT_FIXTURE
    }[name]
    await writeFiles(dir, { ...files, '.cargo/config.toml': offlineConfig() })
  }
  return dir
}

async function compare(name: Fixture, args: readonly string[]) {
  const dir = await fixtureDir(name)
  const ws = await resolveFromCargo(dir, cargoHome)
  const cargo = await runRealCargo(
    ['metadata', '--format-version', '1', '--offline', ...args],
    dir,
    cargoHome
  )
  let ours: string | Error
  try {
    ours = await cargoMetadata(ws, optionsFrom(args))
  } catch (e) {
    ours = e as Error
  }
  if (cargo.exitCode !== 0) {
    expect(ours, `cargo failed:\n${cargo.stderr}`).toBeInstanceOf(Error)
    return
  }
  if (ours instanceof Error) throw ours
  // Compare parsed first for a readable diff, then the bytes.
  expect(JSON.parse(ours)).toEqual(JSON.parse(cargo.stdout))
  expect(ours).toBe(cargo.stdout)
}

const CASES: readonly (readonly [Fixture, readonly string[]])[] = [
  ['main', []],
  ['main', ['--no-deps']],
  ['main', ['--all-features']],
  ['main', ['-F', 'logging']],
  ['main', ['-F', 'weak']],
  ['main', ['-F', 'dep1/fast']],
  ['main', ['--no-default-features']],
  ['main', ['--filter-platform', WINDOWS]],
  ['main', ['--filter-platform', LINUX, '--all-features']],
  ['main', ['-F', 'nosuch']],
  ['fields', []],
  ['fields', ['--no-deps']],
  ['resolver1', []],
  ['resolver1', ['-F', 'dep1/extra']],
  ['dupes', []],
  ['dupes', ['--no-deps']],
  ['git', []],
  ['git', ['--filter-platform', LINUX]],
  ['macros', []],
  ['macros', ['-F', 'all']]
]

describe('cargo metadata matches cargo 1.95', () => {
  it.each(CASES.map(([name, args]) => [`${name} ${args.join(' ')}`, name, args] as const))(
    '%s',
    async (_title, name, args) => {
      await compare(name, args)
    }
  )
})

/**
 * Cargo.lock files freshly written by the real cargo 1.95 (Debian's crates, a directory source
 * with several versions, path packages, a local git repository with every kind of reference):
 * read, turned back into a resolve and serialized, they must come out byte-identical, in their
 * own format and, from format 4, in every older one.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { LockVersion } from '../../../src/main/engine/lockfile/lock-version'
import { fileTempDir } from '../../helpers/temp-dir'
import { roundTrip } from '../../unit/engine/lockfile/helpers/lock-to-resolve'
import {
  cargoLock,
  gdepRepository,
  ODD_BRANCH,
  pathManifest,
  requireCargo,
  vendorDirectory,
  writeProject,
  type PackageSpec
} from './cargo-projects'

/** rust-version → the format cargo picks for a new lock. */
const FORMATS: readonly (readonly [LockVersion, string | undefined])[] = [
  [1, '1.40'],
  [2, '1.41'],
  [3, '1.53'],
  [4, undefined]
]

let base = ''
let cargoHome = ''
let specs: Readonly<Record<string, PackageSpec>> = {}
const locks = new Map<string, string>()

beforeAll(async () => {
  await requireCargo()
  base = await fileTempDir('cs-lock-')
  cargoHome = join(base, 'cargo-home')
  const git = await gdepRepository(base)
  const vendor = await vendorDirectory(base)
  const gdep = (key: string, ref: string) => `${key} = { package = "gdep", git = "${git.url}"${ref} }\n`
  const sources =
    'foo9 = { package = "foo", version = "0.9" }\nfoo10 = { package = "foo", version = "0.10" }\n' +
    'foo1 = { package = "foo", version = "=1.0.0-beta.2" }\nbar = "0.1"\nbarp = { package = "bar", path = "barp" }\n' +
    gdep('g0', '') +
    gdep('gt', ', tag = "v1.0"') +
    gdep('gb', ', branch = "feature"') +
    gdep('gr', `, rev = "${git.rev}"`) +
    gdep('gw', `, branch = ${JSON.stringify(ODD_BRANCH)}`)
  const barp = { barp: pathManifest('bar', '0.1.0') }
  specs = {
    'registry-path': {
      deps: 'rand = "0.8"\ncfg-if = "1"\nhelper = { path = "helper" }\n',
      paths: { helper: pathManifest('helper', '0.2.0', '[dependencies]\nitoa = "1"\n') }
    },
    sources: { deps: sources, registry: vendor, paths: barp },
    'patch-unused': {
      deps: sources,
      registry: vendor,
      extra:
        '[patch.crates-io]\nzz = { path = "bazpatch", package = "baz" }\naa = { path = "foopatch", package = "foo" }\n',
      paths: { ...barp, bazpatch: pathManifest('baz', '2.0.0'), foopatch: pathManifest('foo', '0.11.0') }
    },
    'master-branch': {
      deps: gdep('gm', ', branch = "master"') + gdep('gt', ', tag = "v1.0"'),
      registry: vendor
    },
    'single-package': { deps: '' }
  }
  for (const [name, spec] of Object.entries(specs)) {
    for (const [version, rustVersion] of FORMATS) {
      const dir = await writeProject(join(base, `${name}-v${version}`), { ...spec, rustVersion })
      locks.set(`${name}-v${version}`, await cargoLock(dir, cargoHome))
    }
  }
})

/** Locks cargo itself cannot read back unchanged (see test/unit/engine/lockfile/parse-lockfile.test.ts). */
const LOSSY = /^(sources|patch-unused)-v[123]$|^master-branch-v[12]$/

describe('cargo’s lock files survive a read and a write', () => {
  it('every format cargo chose is the one rust-version asks for', () => {
    for (const [key, text] of locks) {
      const marker = /^version = (\d)$/m.exec(text)?.[1]
      const version = Number(key.slice(-1))
      expect(marker === undefined ? version <= 2 : Number(marker) === version, key).toBe(true)
    }
  })

  it('in their own format', () => {
    const checked = [...locks].filter(([key]) => !LOSSY.test(key))
    expect(checked.length).toBe(12)
    for (const [key, text] of checked) expect(roundTrip(text), key).toBe(text)
  })

  it('from format 4 into every older format', () => {
    for (const name of Object.keys(specs)) {
      for (const version of [1, 2, 3] as const) {
        const v4 = locks.get(`${name}-v4`) ?? ''
        expect(roundTrip(v4, { version }), `${name} as format ${version}`).toBe(
          locks.get(`${name}-v${version}`)
        )
      }
    }
  })

  it('with the odd branch URL-encoded in format 4 and written raw before it', () => {
    expect(locks.get('sources-v4')).toContain(
      '?branch=fix%2Fa%2Bb%26c%3Dd%25e%23f%27g%22h%28i%29%21%2C%3B%24#'
    )
    expect(locks.get('sources-v3')).toContain(`?branch=${ODD_BRANCH}#`)
  })
})

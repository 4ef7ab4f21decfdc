/**
 * The directory source against the real thing: Debian's `/usr/share/cargo/registry`, compared
 * with what the real cargo reads from it. cargo locks a tiny package offline (its Cargo.lock gives
 * the versions and checksums it saw, Debian's "Could not get crate checksum" placeholder
 * included) and `cargo metadata` gives every locked package's dependencies and features; our
 * summaries must say the same.
 */
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { parse } from 'smol-toml'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadCargoConfig } from '../../../src/main/engine/config/load-cargo-config'
import { DirectorySource } from '../../../src/main/engine/sources/directory/directory-source'
import { CRATES_IO, sourceIdString } from '../../../src/main/engine/sources/source-id'
import { SourceRegistry } from '../../../src/main/engine/sources/source-registry'
import type { PackageSource, Summary, SummaryDep } from '../../../src/main/engine/sources/summary'
import { DEBIAN_REGISTRY, offlinePackage, runCargo } from '../../helpers/cargo-offline'
import { fileTempDir } from '../../helpers/temp-dir'

const DIRECT = [
  'serde',
  'anyhow',
  'libc',
  'memchr',
  'itoa',
  'log',
  'cfg-if',
  'lazy_static',
  'rand',
  'syn',
  'indexmap'
]

interface LockedPackage {
  name: string
  version: string
  source?: string
  checksum?: string
}

interface MetadataDep {
  name: string
  source: string | null
  req: string
  kind: 'dev' | 'build' | null
  rename: string | null
  optional: boolean
  uses_default_features: boolean
  features: string[]
  target: string | null
}

interface MetadataPackage {
  name: string
  version: string
  source: string | null
  manifest_path: string
  links: string | null
  rust_version: string | null
  features: Record<string, string[]>
  dependencies: MetadataDep[]
}

/** cargo prints a parsed requirement: `1.0` → `^1.0`, `>= 1, < 2` → `>=1, <2`. */
function displayReq(req: string): string {
  return req
    .split(',')
    .map((c) => c.trim().replace(/^([<>=~^]+)\s+/, '$1'))
    .map((c) => (/^\d/.test(c) ? `^${c}` : c))
    .join(', ')
}

/** A summary dependency the way `cargo metadata` prints it. */
function asMetadata(d: SummaryDep): MetadataDep {
  return {
    name: d.packageName,
    source: sourceIdString(d.source),
    req: displayReq(d.req),
    kind: d.kind === 'normal' ? null : d.kind,
    rename: d.name === d.packageName ? null : d.name,
    optional: d.optional,
    uses_default_features: d.defaultFeatures,
    features: [...d.features],
    target: d.target ?? null
  }
}

/** `features` plus the implicit feature of each optional dependency no `dep:` mentions, as cargo adds. */
function withImplicitFeatures(s: Summary): Record<string, readonly string[]> {
  const features: Record<string, readonly string[]> = { ...s.features }
  const values = Object.values(s.features).flat()
  for (const d of s.deps)
    if (d.optional && !values.includes(`dep:${d.name}`) && !Object.hasOwn(features, d.name))
      features[d.name] = [`dep:${d.name}`]
  return features
}

/** The fields compared (cargo metadata also prints `registry`, null for crates.io). */
function metadataFields(d: MetadataDep): MetadataDep {
  const { name, source, req, kind, rename, optional, uses_default_features, features, target } = d
  return { name, source, req, kind, rename, optional, uses_default_features, features, target }
}

function sortDeps(deps: readonly MetadataDep[]): MetadataDep[] {
  const key = (d: MetadataDep) => JSON.stringify([d.kind, d.target, d.rename ?? d.name, d.name])
  return [...deps].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}

let pkgDir: string
let cargoHome: string
let locked: LockedPackage[]
let metadata: MetadataPackage[]

beforeAll(async () => {
  const listing = await readFile(join(DEBIAN_REGISTRY, 'serde-1.0.152', 'Cargo.toml'), 'utf8').catch(() => '')
  if (listing === '')
    throw new Error(`${DEBIAN_REGISTRY} lacks serde 1.0.152: install librust-serde-dev (see .ci/run)`)
  const root = await fileTempDir()
  cargoHome = join(root, 'cargo-home')
  const deps = DIRECT.map((name) => `${name} = "*"`).join('\n')
  pkgDir = await offlinePackage(
    join(root, 'probe'),
    `[package]\nname = "probe"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n${deps}\n`
  )
  const lock = await runCargo(['generate-lockfile'], pkgDir, cargoHome)
  if (lock.exitCode !== 0) throw new Error(`cargo generate-lockfile failed:\n${lock.stderr}`)
  const lockfile = parse(await readFile(join(pkgDir, 'Cargo.lock'), 'utf8')) as unknown as {
    package: LockedPackage[]
  }
  locked = lockfile.package.filter((p) => p.source !== undefined)
  const meta = await runCargo(['metadata', '--format-version', '1'], pkgDir, cargoHome)
  if (meta.exitCode !== 0) throw new Error(`cargo metadata failed:\n${meta.stderr}`)
  metadata = (JSON.parse(meta.stdout) as { packages: MetadataPackage[] }).packages.filter(
    (p) => p.source !== null
  )
})

async function versionOf(source: PackageSource, name: string, version: string): Promise<Summary> {
  const summary = (await source.query(name)).find((s) => s.version === version)
  if (!summary) throw new Error(`our directory source has no ${name} ${version}`)
  return summary
}

describe('directory source over Debian’s registry, compared with cargo', () => {
  it('cargo locked what the comparison needs, placeholder checksums included', () => {
    expect(locked.map((p) => p.name)).toEqual(expect.arrayContaining(DIRECT))
    expect(locked.length).toBeGreaterThan(DIRECT.length)
    expect(locked.filter((p) => p.checksum === 'Could not get crate checksum').length).toBeGreaterThan(0)
    expect(locked.filter((p) => /^[0-9a-f]{64}$/.test(p.checksum ?? '')).length).toBeGreaterThan(0)
  })

  it('has every locked version, under crates.io’s identity, with Cargo.lock’s checksum', async () => {
    const source = new DirectorySource({ root: DEBIAN_REGISTRY })
    for (const p of locked) {
      const summary = await versionOf(source, p.name, p.version)
      expect(sourceIdString(summary.source), p.name).toBe(p.source)
      expect(summary.checksum, `${p.name} ${p.version}`).toBe(p.checksum)
    }
  })

  it('reads the same dependencies, features, links and rust-version as cargo metadata', async () => {
    const source = new DirectorySource({ root: DEBIAN_REGISTRY })
    expect(metadata.length).toBe(locked.length)
    for (const m of metadata) {
      const summary = await versionOf(source, m.name, m.version)
      const what = `${m.name} ${m.version}`
      expect(sortDeps(summary.deps.map(asMetadata)), what).toEqual(
        sortDeps(m.dependencies.map(metadataFields))
      )
      expect(withImplicitFeatures(summary), what).toEqual(m.features)
      expect(summary.links ?? null, what).toBe(m.links)
      expect(summary.rustVersion ?? null, what).toBe(m.rust_version)
    }
  })

  it('downloads to the folder cargo builds from', async () => {
    const source = new DirectorySource({ root: DEBIAN_REGISTRY })
    for (const m of metadata) {
      const summary = await versionOf(source, m.name, m.version)
      expect(await source.download(summary)).toBe(dirname(m.manifest_path))
    }
  })

  it('is what the project’s .cargo/config.toml selects for crates.io', async () => {
    const config = await loadCargoConfig({
      cwd: pkgDir,
      env: { CARGO_HOME: cargoHome },
      homeDir: '/nonexistent'
    })
    const unused = () => {
      throw new Error('only the directory source is expected here')
    }
    const registry = new SourceRegistry(config, { path: unused, git: unused, registry: unused })
    const source = registry.sourceFor(CRATES_IO)
    expect(source).toBeInstanceOf(DirectorySource)
    expect((source as DirectorySource).root).toBe(DEBIAN_REGISTRY)
    const serde = locked.find((p) => p.name === 'serde')!
    expect((await versionOf(source, 'serde', serde.version)).checksum).toBe(serde.checksum)
    expect(registry.describeSource(CRATES_IO).text).toBe(
      `directory source \`${DEBIAN_REGISTRY}\` (which is replacing registry \`crates-io\`)`
    )
  })
})

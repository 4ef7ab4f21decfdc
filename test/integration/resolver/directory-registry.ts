/**
 * Synthetic registries as cargo directory sources (`name-version/` folders with a Cargo.toml
 * and `.cargo-checksum.json`), and a minimal `PackageSource` over such a folder that reads the
 * manifests itself, so real cargo and our resolver read the very same files.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'smol-toml'
import { CRATES_IO, type SourceId } from '../../../src/main/engine/sources/source-id'
import type { DepKind, PackageSource, Summary, SummaryDep } from '../../../src/main/engine/sources/summary'

export interface DepSpec {
  readonly name: string
  readonly req: string
  readonly kind?: DepKind
  readonly optional?: boolean
  readonly features?: readonly string[]
  readonly defaultFeatures?: boolean
  readonly package?: string
  readonly target?: string
  /** A path dependency (relative to the manifest). */
  readonly path?: string
}

export interface PackageSpec {
  readonly name: string
  readonly version: string
  readonly deps?: readonly DepSpec[]
  readonly features?: Readonly<Record<string, readonly string[]>>
  readonly links?: string
  readonly rustVersion?: string
  readonly edition?: string
}

const str = (s: string) => JSON.stringify(s)

function depLine(d: DepSpec): string {
  const parts: string[] = []
  if (d.path !== undefined) parts.push(`path = ${str(d.path)}`)
  if (d.req !== '*' || d.path === undefined) parts.push(`version = ${str(d.req)}`)
  if (d.package) parts.push(`package = ${str(d.package)}`)
  if (d.optional) parts.push('optional = true')
  if (d.defaultFeatures === false) parts.push('default-features = false')
  if (d.features?.length) parts.push(`features = [${d.features.map(str).join(', ')}]`)
  return `${d.name} = { ${parts.join(', ')} }`
}

const TABLE = { normal: 'dependencies', dev: 'dev-dependencies', build: 'build-dependencies' } as const

/** The manifest text cargo will read for `spec`. */
export function manifestOf(spec: PackageSpec, extra = ''): string {
  const lines = [
    '[package]',
    `name = ${str(spec.name)}`,
    `version = ${str(spec.version)}`,
    `edition = ${str(spec.edition ?? '2021')}`
  ]
  if (spec.links) lines.push(`links = ${str(spec.links)}`, 'build = "build.rs"')
  if (spec.rustVersion) lines.push(`rust-version = ${str(spec.rustVersion)}`)
  const tables = new Map<string, string[]>()
  for (const d of spec.deps ?? []) {
    const table = d.target
      ? `target.${str(d.target)}.${TABLE[d.kind ?? 'normal']}`
      : TABLE[d.kind ?? 'normal']
    tables.set(table, [...(tables.get(table) ?? []), depLine(d)])
  }
  for (const [table, deps] of tables) lines.push('', `[${table}]`, ...deps)
  if (spec.features && Object.keys(spec.features).length > 0) {
    lines.push('', '[features]')
    for (const [f, values] of Object.entries(spec.features))
      lines.push(`${str(f)} = [${values.map(str).join(', ')}]`)
  }
  return `${lines.join('\n')}\n${extra}`
}

/** Writes one package folder (with `src/lib.rs`, and `build.rs` when it links). */
export async function writePackage(dir: string, spec: PackageSpec, extra = ''): Promise<void> {
  await mkdir(join(dir, 'src'), { recursive: true })
  await writeFile(join(dir, 'src', 'lib.rs'), '')
  if (spec.links) await writeFile(join(dir, 'build.rs'), 'fn main() {}\n')
  await writeFile(join(dir, 'Cargo.toml'), manifestOf(spec, extra))
}

/** Writes the registry as a directory source at `dir`. */
export async function writeDirectoryRegistry(dir: string, packages: readonly PackageSpec[]): Promise<void> {
  await mkdir(dir, { recursive: true })
  for (const p of packages) {
    const folder = join(dir, `${p.name}-${p.version}`)
    await writePackage(folder, p)
    const sum = createHash('sha256').update(`${p.name}@${p.version}`).digest('hex')
    await writeFile(join(folder, '.cargo-checksum.json'), JSON.stringify({ files: {}, package: sum }))
  }
}

type Table = Record<string, unknown>
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v)

function depsOfTable(table: unknown, kind: DepKind, target: string | undefined, dir: string): SummaryDep[] {
  if (!isTable(table)) return []
  return Object.entries(table).map(([name, raw]) => {
    const d: Table = typeof raw === 'string' ? { version: raw } : isTable(raw) ? raw : {}
    const path = typeof d.path === 'string' ? d.path : undefined
    const source: SourceId = path !== undefined ? { kind: 'path', path: join(dir, path) } : CRATES_IO
    return {
      name,
      packageName: typeof d.package === 'string' ? d.package : name,
      req: typeof d.version === 'string' ? d.version : '*',
      kind,
      optional: d.optional === true,
      defaultFeatures: d['default-features'] !== false,
      features: Array.isArray(d.features) ? (d.features as string[]) : [],
      ...(target !== undefined ? { target } : {}),
      source
    }
  })
}

/** A package folder's Cargo.toml as a summary (only what these tests write). */
export async function readSummary(dir: string, source: SourceId): Promise<Summary> {
  const doc = parse(await readFile(join(dir, 'Cargo.toml'), 'utf8')) as Table
  const p = doc.package as Table
  const deps: SummaryDep[] = []
  for (const [kind, key] of [
    ['normal', 'dependencies'],
    ['dev', 'dev-dependencies'],
    ['build', 'build-dependencies']
  ] as const)
    deps.push(...depsOfTable(doc[key], kind, undefined, dir))
  for (const [target, t] of Object.entries(isTable(doc.target) ? doc.target : {}))
    for (const [kind, key] of [
      ['normal', 'dependencies'],
      ['dev', 'dev-dependencies'],
      ['build', 'build-dependencies']
    ] as const)
      deps.push(...depsOfTable((t as Table)[key], kind, target, dir))
  const checksum = await readFile(join(dir, '.cargo-checksum.json'), 'utf8')
    .then((t) => (JSON.parse(t) as { package?: string }).package)
    .catch(() => undefined)
  return {
    name: String(p.name),
    version: String(p.version),
    source,
    deps,
    features: (isTable(doc.features) ? doc.features : {}) as Record<string, string[]>,
    ...(checksum ? { checksum } : {}),
    yanked: false,
    ...(typeof p.links === 'string' ? { links: p.links } : {}),
    ...(typeof p['rust-version'] === 'string' ? { rustVersion: p['rust-version'] } : {})
  }
}

/** A directory source serving crates.io's identity (as `[source]` replacement does). */
export function directorySource(dir: string): PackageSource {
  let index: Promise<Map<string, Summary[]>> | undefined
  const load = async () => {
    const out = new Map<string, Summary[]>()
    for (const entry of await readdir(dir)) {
      const s = await readSummary(join(dir, entry), CRATES_IO)
      out.set(s.name, [...(out.get(s.name) ?? []), s])
    }
    return out
  }
  return {
    id: CRATES_IO,
    async query(name) {
      index ??= load()
      return (await index).get(name) ?? []
    },
    download: (s) => Promise.resolve(join(dir, `${s.name}-${s.version}`))
  }
}

/** Path packages read from disk, one source per folder. */
export function pathSourceFor(id: Extract<SourceId, { kind: 'path' }>): PackageSource {
  return {
    id,
    async query(name) {
      const s = await readSummary(id.path, id).catch(() => undefined)
      return s && s.name === name ? [s] : []
    },
    download: () => Promise.resolve(id.path)
  }
}

/**
 * A `ResolvedWorkspace` built from the real cargo's answer, for testing `metadata` and `tree`
 * before our own resolver is wired in: `cargo metadata --all-features` gives the packages and
 * the edges (the same superset of the graph Cargo.lock holds), and every package is read with
 * OUR manifest reader. cargo runs offline, in an isolated CARGO_HOME.
 */
import { resolverVersionOf } from '../../src/main/engine/resolver/feature-resolver/resolve-workspace-features'
import { dirname, join } from 'node:path'
import { execa } from 'execa'
import { loadPackage } from '../../src/main/engine/manifest/read-manifest'
import { samePlatform } from '../../src/main/engine/resolver/feature-resolver/resolve-edges'
import {
  packageIdKey,
  type DepKindInfo,
  type PackageId,
  type ResolvedDep,
  type ResolvedPackage
} from '../../src/main/engine/resolver/resolve/resolve-types'
import { summaryOfManifest } from '../../src/main/engine/sources/manifest-summary'
import { CRATES_IO, type GitRef, type SourceId } from '../../src/main/engine/sources/source-id'
import type {
  ResolvedPackageFiles,
  ResolvedWorkspace
} from '../../src/main/engine/workspace/resolved-workspace'

export interface CargoDepKind {
  readonly kind: 'dev' | 'build' | null
  readonly target: string | null
}

export interface CargoMetadata {
  readonly packages: readonly {
    readonly name: string
    readonly version: string
    readonly id: string
    readonly source: string | null
    readonly manifest_path: string
  }[]
  readonly workspace_members: readonly string[]
  readonly workspace_default_members?: readonly string[]
  readonly resolve: {
    readonly nodes: readonly {
      readonly id: string
      readonly deps: readonly {
        readonly name: string
        readonly pkg: string
        readonly dep_kinds: readonly CargoDepKind[]
      }[]
      readonly features: readonly string[]
    }[]
    readonly root: string | null
  } | null
  readonly workspace_root: string
  readonly target_directory: string
}

/** Runs the real cargo offline with its home in `cargoHome`; never throws on a failing exit. */
export function runRealCargo(args: readonly string[], cwd: string, cargoHome: string) {
  return execa('cargo', [...args], {
    cwd,
    reject: false,
    stripFinalNewline: false,
    env: {
      CARGO_HOME: cargoHome,
      CARGO_TERM_COLOR: 'never',
      RUSTUP_HOME: process.env.RUSTUP_HOME ?? join(process.env.HOME ?? '/root', '.rustup')
    }
  })
}

/** `registry+URL`, `sparse+URL`, `git+URL?ref#commit` as cargo prints a package's `source`. */
export function parseCargoSource(source: string): SourceId {
  if (source.startsWith('registry+')) return { kind: 'registry', url: source.slice('registry+'.length) }
  if (source.startsWith('sparse+')) return { kind: 'sparse', url: source.slice('sparse+'.length) }
  if (source.startsWith('git+')) {
    const url = new URL(source.slice('git+'.length))
    const precise = url.hash.replace(/^#/, '') || undefined
    let ref: GitRef = { type: 'default' }
    for (const [k, v] of url.searchParams)
      if (k === 'branch' || k === 'tag' || k === 'rev') ref = { type: k, value: v }
    url.hash = ''
    url.search = ''
    return { kind: 'git', url: url.href, ref, ...(precise ? { precise } : {}) }
  }
  throw new Error(`unknown cargo source ${source}`)
}

export async function cargoMetadata(
  dir: string,
  cargoHome: string,
  args: readonly string[] = []
): Promise<CargoMetadata> {
  const run = await runRealCargo(['metadata', '--format-version', '1', '--offline', ...args], dir, cargoHome)
  if (run.exitCode !== 0) throw new Error(`cargo metadata failed in ${dir}:\n${run.stderr}`)
  return JSON.parse(run.stdout) as CargoMetadata
}

/** The workspace at `dir` as cargo resolves it with every feature of its members enabled. */
export async function resolveFromCargo(dir: string, cargoHome: string): Promise<ResolvedWorkspace> {
  const meta = await cargoMetadata(dir, cargoHome, ['--all-features'])
  const keys = new Map<string, string>()
  const files = new Map<string, ResolvedPackageFiles>()
  const summaries = new Map<string, ResolvedPackage['summary']>()
  const ids = new Map<string, PackageId>()
  for (const p of meta.packages) {
    const source: SourceId =
      p.source === null ? { kind: 'path', path: dirname(p.manifest_path) } : parseCargoSource(p.source)
    const id: PackageId = { name: p.name, version: p.version, source }
    const key = packageIdKey(id)
    const pkg = await loadPackage(p.manifest_path)
    keys.set(p.id, key)
    ids.set(key, id)
    files.set(key, { id, pkg })
    summaries.set(
      key,
      summaryOfManifest(pkg.manifest, {
        source,
        registry: () => CRATES_IO,
        ...(source.kind === 'git' ? { pathSource: () => source } : {})
      })
    )
  }
  const packages = new Map<string, ResolvedPackage>()
  for (const node of meta.resolve?.nodes ?? []) {
    const key = keys.get(node.id)!
    const summary = summaries.get(key)!
    const deps: ResolvedDep[] = []
    for (const d of node.deps) {
      const target = keys.get(d.pkg)!
      const targetName = ids.get(target)!.name
      const byName = new Map<string, DepKindInfo[]>()
      for (const k of d.dep_kinds) {
        const kind = k.kind ?? 'normal'
        const decl = summary.deps.find(
          (s) =>
            s.packageName === targetName && s.kind === kind && samePlatform(s.target, k.target ?? undefined)
        )
        if (!decl) throw new Error(`${node.id}: no manifest entry for ${d.name} (${kind}, ${k.target})`)
        const kinds = byName.get(decl.name) ?? []
        kinds.push({ kind, ...(decl.target !== undefined ? { target: decl.target } : {}) })
        byName.set(decl.name, kinds)
      }
      for (const [name, kinds] of byName) deps.push({ name, pkg: target, kinds })
    }
    packages.set(key, { id: ids.get(key)!, summary, deps })
  }
  const members = meta.workspace_members.map((m) => keys.get(m)!)
  return {
    rootDir: meta.workspace_root,
    members,
    defaultMembers: (meta.workspace_default_members ?? meta.workspace_members).map((m) => keys.get(m)!),
    ...(meta.resolve?.root ? { current: keys.get(meta.resolve.root)! } : {}),
    // cargo's metadata does not say; the first member's package decides, as for a lone package.
    resolver: resolverVersionOf(files.get(members[0]!)!.pkg),
    virtual: false,
    resolve: { packages, roots: members, unusedPatches: [], warnings: [] },
    packages: files,
    targetDir: meta.target_directory
  }
}

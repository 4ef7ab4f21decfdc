/**
 * `cargo metadata` (format 1) turned into the view's `DependencyGraph`: lets tests feed the
 * view what the real cargo resolved and compare its text with `cargo tree`. It also shows, field
 * by field, where the engine's own graph gets each value.
 */
import type { DependencyGraph, GraphEdge, GraphPackage, GraphSource } from '@shared/models/dependency-tree'
import { CRATES_IO_NAME } from '@shared/models/dependency-tree'
import type { DependencyKind, GitReference } from '@shared/models/package'

interface MetaDependency {
  readonly name: string
  readonly rename: string | null
  readonly req: string
  readonly kind: 'dev' | 'build' | null
  readonly target: string | null
  readonly features: readonly string[]
  readonly optional: boolean
  readonly uses_default_features: boolean
}

interface MetaPackage {
  readonly id: string
  readonly name: string
  readonly version: string
  readonly source: string | null
  readonly manifest_path: string
  readonly license?: string | null
  readonly description?: string | null
  readonly features: Readonly<Record<string, readonly string[]>>
  readonly targets: readonly { readonly kind: readonly string[] }[]
  readonly dependencies: readonly MetaDependency[]
}

interface MetaNode {
  readonly id: string
  readonly deps: readonly {
    readonly name: string
    readonly pkg: string
    readonly dep_kinds: readonly { readonly kind: 'dev' | 'build' | null; readonly target: string | null }[]
  }[]
  readonly features: readonly string[]
}

export interface CargoMetadata {
  readonly workspace_members: readonly string[]
  readonly packages: readonly MetaPackage[]
  readonly resolve: { readonly nodes: readonly MetaNode[] }
}

const CRATES_IO_URLS = ['https://github.com/rust-lang/crates.io-index', 'https://index.crates.io/']

function gitSource(spec: string): GraphSource {
  const hash = spec.indexOf('#')
  const commit = hash < 0 ? undefined : spec.slice(hash + 1)
  const [url = '', query] = (hash < 0 ? spec : spec.slice(0, hash)).split('?', 2)
  const [type, value] = (query ?? '').split('=', 2)
  const reference: GitReference | undefined =
    (type === 'branch' || type === 'tag' || type === 'rev') && value !== undefined
      ? { type, value: decodeURIComponent(value) }
      : undefined
  return { kind: 'git', url, ...(reference && { reference }), ...(commit && { commit }) }
}

function sourceOf(pkg: MetaPackage): GraphSource {
  const source = pkg.source
  if (source === null) return { kind: 'path', path: pkg.manifest_path.replace(/\/Cargo\.toml$/, '') }
  if (source.startsWith('git+')) return gitSource(source.slice(4))
  const url = source.replace(/^(registry|sparse)\+/, '')
  return { kind: 'registry', name: CRATES_IO_URLS.includes(url) ? CRATES_IO_NAME : url, url }
}

/** The extern-crate name metadata's `resolve.nodes[].deps[].name` uses. */
const crateName = (d: MetaDependency): string => (d.rename ?? d.name).replaceAll('-', '_')

export function graphFromMetadata(metadata: CargoMetadata): DependencyGraph {
  const byId = new Map(metadata.packages.map((p) => [p.id, p]))
  const features = new Map(metadata.resolve.nodes.map((n) => [n.id, n.features]))
  const packages: GraphPackage[] = metadata.packages.map((p) => ({
    id: p.id,
    name: p.name,
    version: p.version,
    source: sourceOf(p),
    features: [...(features.get(p.id) ?? [])].sort(),
    declaredFeatures: p.features,
    procMacro: p.targets.some((t) => t.kind.includes('proc-macro')),
    member: metadata.workspace_members.includes(p.id),
    ...(p.license && { license: p.license }),
    ...(p.description && { description: p.description })
  }))
  const edges: GraphEdge[] = []
  for (const node of metadata.resolve.nodes) {
    const from = byId.get(node.id)
    if (!from) continue
    for (const dep of node.deps) {
      const to = byId.get(dep.pkg)
      for (const dk of dep.dep_kinds) {
        const kind: DependencyKind = dk.kind ?? 'normal'
        const decl = from.dependencies.find(
          (d) =>
            crateName(d) === dep.name &&
            d.name === to?.name &&
            (d.kind ?? 'normal') === kind &&
            d.target === dk.target
        )
        if (!decl) throw new Error(`${node.id}: no declaration for ${dep.name} (${kind})`)
        edges.push({
          from: node.id,
          to: dep.pkg,
          kind,
          ...(decl.rename !== null && { rename: decl.rename }),
          req: decl.req,
          features: decl.features,
          defaultFeatures: decl.uses_default_features,
          optional: decl.optional,
          ...(decl.target !== null && { target: decl.target })
        })
      }
    }
  }
  return { packages, edges, roots: metadata.workspace_members }
}

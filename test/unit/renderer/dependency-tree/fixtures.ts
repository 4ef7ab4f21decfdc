/**
 * Dependency graphs for the tree view's tests and benchmark: a small hand-written workspace
 * (duplicates, git and path sources, a rename, a proc-macro, build and dev dependencies, a
 * platform-specific edge), and a generator of large, realistic workspaces (3,000+ rows in
 * cargo's default picture) that is deterministic for a seed.
 */
import type { DependencyGraph, GraphEdge, GraphPackage, GraphSource } from '@shared/models/dependency-tree'
import { CRATES_IO_NAME } from '@shared/models/dependency-tree'

const CRATES_IO: GraphSource = {
  kind: 'registry',
  name: CRATES_IO_NAME,
  url: 'https://github.com/rust-lang/crates.io-index'
}

/** A crates.io package unless `source` says otherwise; its id is `name version`. */
export function pkg(name: string, version: string, more: Partial<GraphPackage> = {}): GraphPackage {
  return {
    id: `${name} ${version}`,
    name,
    version,
    source: CRATES_IO,
    features: [],
    procMacro: false,
    member: false,
    ...more
  }
}

/** A workspace member at `/work/<name>`. */
export function member(name: string, version = '0.1.0', more: Partial<GraphPackage> = {}): GraphPackage {
  return pkg(name, version, { source: { kind: 'path', path: `/work/${name}` }, member: true, ...more })
}

/** `from` and `to` are ids (`name version`). */
export function edge(from: string, to: string, more: Partial<GraphEdge> = {}): GraphEdge {
  return {
    from,
    to,
    kind: 'normal',
    req: `^${to.split(' ')[1] ?? '*'}`,
    features: [],
    defaultFeatures: true,
    optional: false,
    ...more
  }
}

/**
 * A workspace of two members, `app` and `app-macros`:
 *
 * ```
 * app v0.1.0 (/work/app)
 * ├── app-macros v0.1.0 (proc-macro) (/work/app-macros)
 * │   ├── proc-macro2, quote, syn
 * ├── log v0.4.21 (as `mylog`)
 * ├── old-crate v0.3.0 (git) → rand 0.7.3 → rand_core 0.5.1 → getrandom 0.1.16 → cfg-if 0.1.10
 * ├── rand v0.8.5 → libc (cfg(unix)), rand_core 0.6.4 → getrandom 0.2.15 → cfg-if 1.0.0, libc
 * └── serde v1.0.200 → serde_derive (proc-macro) → proc-macro2, quote, syn
 * [build-dependencies] cc
 * [dev-dependencies] tempfile → cfg-if 1.0.0, fastrand
 * ```
 */
export function smallWorkspace(): DependencyGraph {
  const git: GraphSource = {
    kind: 'git',
    url: 'https://github.com/example/old-crate',
    reference: { type: 'branch', value: 'main' },
    commit: '0123456789abcdef0123456789abcdef01234567'
  }
  const packages: GraphPackage[] = [
    member('app'),
    member('app-macros', '0.1.0', { procMacro: true }),
    pkg('serde', '1.0.200', {
      features: ['default', 'derive', 'serde_derive', 'std'],
      declaredFeatures: {
        default: ['std'],
        std: [],
        derive: ['serde_derive'],
        serde_derive: ['dep:serde_derive']
      }
    }),
    pkg('serde_derive', '1.0.200', {
      procMacro: true,
      features: ['default'],
      declaredFeatures: { default: [] }
    }),
    pkg('proc-macro2', '1.0.86', { features: ['default', 'proc-macro'] }),
    pkg('quote', '1.0.36'),
    pkg('syn', '2.0.72', { features: ['full'] }),
    pkg('unicode-ident', '1.0.12'),
    pkg('rand', '0.8.5', { features: ['std'] }),
    pkg('rand_core', '0.6.4'),
    pkg('getrandom', '0.2.15'),
    pkg('cfg-if', '1.0.0'),
    pkg('libc', '0.2.155'),
    pkg('log', '0.4.21'),
    pkg('old-crate', '0.3.0', { source: git }),
    pkg('rand', '0.7.3'),
    pkg('rand_core', '0.5.1'),
    pkg('getrandom', '0.1.16'),
    pkg('cfg-if', '0.1.10'),
    pkg('cc', '1.0.90'),
    pkg('tempfile', '3.10.1'),
    pkg('fastrand', '2.1.0')
  ]
  const app = 'app 0.1.0'
  const macros = 'app-macros 0.1.0'
  const edges: GraphEdge[] = [
    edge(app, macros, { req: '*' }),
    edge(app, 'serde 1.0.200', { req: '^1', features: ['derive'] }),
    edge(app, 'rand 0.8.5', { req: '^0.8' }),
    edge(app, 'log 0.4.21', { req: '^0.4', rename: 'mylog' }),
    edge(app, 'old-crate 0.3.0', { req: '*' }),
    edge(app, 'cc 1.0.90', { kind: 'build', req: '^1' }),
    edge(app, 'tempfile 3.10.1', { kind: 'dev', req: '^3' }),
    edge(macros, 'proc-macro2 1.0.86', { req: '^1' }),
    edge(macros, 'quote 1.0.36', { req: '^1' }),
    edge(macros, 'syn 2.0.72', { req: '^2', features: ['full'] }),
    edge('serde 1.0.200', 'serde_derive 1.0.200', { req: '=1.0.200', optional: true }),
    edge('serde_derive 1.0.200', 'proc-macro2 1.0.86', { req: '^1' }),
    edge('serde_derive 1.0.200', 'quote 1.0.36', { req: '^1' }),
    edge('serde_derive 1.0.200', 'syn 2.0.72', { req: '^2' }),
    edge('quote 1.0.36', 'proc-macro2 1.0.86', { req: '^1.0.80', defaultFeatures: false }),
    edge('syn 2.0.72', 'proc-macro2 1.0.86', { req: '^1.0.83', defaultFeatures: false }),
    edge('syn 2.0.72', 'quote 1.0.36', { req: '^1.0.35', defaultFeatures: false }),
    edge('syn 2.0.72', 'unicode-ident 1.0.12', { req: '^1' }),
    edge('proc-macro2 1.0.86', 'unicode-ident 1.0.12', { req: '^1' }),
    edge('rand 0.8.5', 'libc 0.2.155', { req: '^0.2.22', target: 'cfg(unix)', defaultFeatures: false }),
    edge('rand 0.8.5', 'rand_core 0.6.4', { req: '^0.6.0', features: ['std'] }),
    edge('rand_core 0.6.4', 'getrandom 0.2.15', { req: '^0.2', optional: true }),
    edge('getrandom 0.2.15', 'cfg-if 1.0.0', { req: '^1' }),
    edge('getrandom 0.2.15', 'libc 0.2.155', {
      req: '^0.2.154',
      target: 'cfg(unix)',
      defaultFeatures: false
    }),
    edge('old-crate 0.3.0', 'rand 0.7.3', { req: '^0.7' }),
    edge('rand 0.7.3', 'rand_core 0.5.1', { req: '^0.5.1' }),
    edge('rand_core 0.5.1', 'getrandom 0.1.16', { req: '^0.1', optional: true }),
    edge('getrandom 0.1.16', 'cfg-if 0.1.10', { req: '^0.1.2' }),
    edge('tempfile 3.10.1', 'cfg-if 1.0.0', { req: '^1' }),
    edge('tempfile 3.10.1', 'fastrand 2.1.0', { req: '^2.0' })
  ]
  return { packages, edges, roots: [app, macros] }
}

/** mulberry32: a small seeded PRNG, so a seed always gives the same graph. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SYLLABLES = [
  'ser',
  'de',
  'tok',
  'io',
  'rand',
  'core',
  'hash',
  'brown',
  'syn',
  'quo',
  'te',
  'mio',
  'futu'
]
const SUFFIXES = ['', '-core', '-util', '_derive', '-sys', '-macros', '-impl', 'lib']
const FEATURES = ['std', 'alloc', 'derive', 'serde', 'full', 'async', 'rt', 'sync', 'macros', 'unicode']

export interface WorkspaceOptions {
  readonly seed?: number
  /** Packages outside the workspace (before duplicates). */
  readonly packages?: number
  readonly members?: number
  /** Share of names that come in two versions. */
  readonly duplicateShare?: number
}

/**
 * A large workspace shaped like real ones: layers of crates where a few foundational ones
 * (`libc`-like) are depended on by many; some names in two or three versions; git, path and
 * alternative-registry sources; proc-macros; platform-specific, build and dev edges. With the
 * defaults, cargo's default tree has more than 3,000 rows.
 */
export function largeWorkspace(options: WorkspaceOptions = {}): DependencyGraph {
  const next = random(options.seed ?? 7)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const count = options.packages ?? 700
  const memberCount = options.members ?? 6
  const packages: GraphPackage[] = []
  const names = new Set<string>()
  const hex = (): string => Array.from({ length: 40 }, () => Math.floor(next() * 16).toString(16)).join('')
  const version = (): string =>
    next() < 0.4
      ? `0.${Math.floor(next() * 12)}.${Math.floor(next() * 30)}`
      : `${1 + Math.floor(next() * 3)}.${Math.floor(next() * 20)}.${Math.floor(next() * 15)}`
  const source = (name: string): GraphSource => {
    const r = next()
    if (r < 0.03) return { kind: 'git', url: `https://github.com/example/${name}`, commit: hex() }
    if (r < 0.05) return { kind: 'path', path: `/work/big/vendor/${name}` }
    if (r < 0.06)
      return { kind: 'registry', name: 'my-registry', url: 'sparse+https://registry.example.com/index/' }
    return CRATES_IO
  }
  const features = (): string[] =>
    [...new Set(Array.from({ length: Math.floor(next() * 4) }, () => pick(FEATURES)))].sort()

  for (let i = 0; names.size < count && i < count * 20; i++) {
    const name = `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SUFFIXES)}`
    if (names.has(name)) continue
    names.add(name)
    const procMacro = name.endsWith('_derive') || name.endsWith('-macros')
    const copies = next() < (options.duplicateShare ?? 0.06) ? (next() < 0.2 ? 3 : 2) : 1
    const versions = new Set<string>()
    while (versions.size < copies) versions.add(version())
    for (const v of versions)
      packages.push(pkg(name, v, { source: source(name), procMacro, features: features() }))
  }

  // Layer by position: a package depends only on packages after it, so the graph has no cycles;
  // the last tenth are foundational crates everyone uses.
  const edges: GraphEdge[] = []
  const foundation = Math.floor(packages.length * 0.9)
  const target = (): string | undefined => {
    const r = next()
    return r < 0.05 ? 'cfg(unix)' : r < 0.08 ? 'cfg(windows)' : undefined
  }
  packages.forEach((p, i) => {
    if (i >= packages.length - 5) return
    const degree = Math.floor(next() * next() * 24)
    const deps = new Set<number>()
    for (let d = 0; d < degree; d++) {
      const to =
        next() < 0.35
          ? foundation + Math.floor(next() * (packages.length - foundation))
          : i + 1 + Math.floor(next() * (packages.length - i - 1))
      if (to > i && to < packages.length && packages[to]!.name !== p.name) deps.add(to)
    }
    for (const to of deps) {
      const dep = packages[to]!
      const kind = next() < 0.06 ? 'build' : 'normal'
      const t = target()
      edges.push(
        edge(p.id, dep.id, { kind, features: features(), ...(t && { target: t }), optional: next() < 0.1 })
      )
    }
  })

  const members: GraphPackage[] = Array.from({ length: memberCount }, (_, m) =>
    pkg(`big-${m}`, '0.1.0', { source: { kind: 'path', path: `/work/big/crates/big-${m}` }, member: true })
  )
  members.forEach((m, i) => {
    const wanted = 12 + Math.floor(next() * 10)
    const deps = new Set<number>()
    while (deps.size < wanted) deps.add(Math.floor(next() * packages.length * 0.5))
    for (const to of deps) edges.push(edge(m.id, packages[to]!.id, { features: features() }))
    edges.push(edge(m.id, pick(packages).id, { kind: 'build' }))
    edges.push(edge(m.id, pick(packages).id, { kind: 'dev' }))
    if (i > 0) edges.push(edge(m.id, members[i - 1]!.id, { req: '*' }))
  })
  return { packages: [...members, ...packages], edges, roots: members.map((m) => m.id) }
}

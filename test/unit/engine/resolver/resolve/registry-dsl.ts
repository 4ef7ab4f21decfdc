/**
 * A small language for in-memory registries in resolver tests:
 * `pkg('serde@1.0.3', dep('serde_derive ^1', { optional: true }))` makes a summary,
 * `memorySources(...)` serves them (crates.io by default, any other registry or path source
 * by the summaries' own source), counting the queries so tests can see caching.
 */
import { CRATES_IO, sourceIdString, type SourceId } from '../../../../../src/main/engine/sources/source-id'
import type {
  DepKind,
  PackageSource,
  Summary,
  SummaryDep
} from '../../../../../src/main/engine/sources/summary'

export interface DepOptions {
  readonly kind?: DepKind
  readonly optional?: boolean
  readonly defaultFeatures?: boolean
  readonly features?: readonly string[]
  readonly target?: string
  /** The package's real name when the dependency is renamed (`package = "…"`). */
  readonly package?: string
  readonly source?: SourceId
}

/** `dep('b ^1.2')`, `dep('b')` (any version), `dep('b =1.0.0', { kind: 'build' })`. */
export function dep(spec: string, options: DepOptions = {}): SummaryDep {
  const space = spec.indexOf(' ')
  const name = space < 0 ? spec : spec.slice(0, space)
  const req = space < 0 ? '*' : spec.slice(space + 1)
  return {
    name,
    packageName: options.package ?? name,
    req,
    kind: options.kind ?? 'normal',
    optional: options.optional ?? false,
    defaultFeatures: options.defaultFeatures ?? true,
    features: options.features ?? [],
    ...(options.target !== undefined ? { target: options.target } : {}),
    source: options.source ?? CRATES_IO
  }
}

export interface PkgOptions {
  readonly features?: Readonly<Record<string, readonly string[]>>
  readonly links?: string
  readonly yanked?: boolean
  readonly rustVersion?: string
  readonly source?: SourceId
}

/** `pkg('a@1.0.0', dep(...), ...)` or `pkg('a@1.0.0', { links: 'z' }, dep(...))`. */
export function pkg(spec: string, ...rest: readonly (SummaryDep | PkgOptions)[]): Summary {
  const [name, version] = spec.split('@') as [string, string]
  const options = (rest.find((r) => !('packageName' in r)) ?? {}) as PkgOptions
  const deps = rest.filter((r): r is SummaryDep => 'packageName' in r)
  return {
    name,
    version,
    source: options.source ?? CRATES_IO,
    deps,
    features: options.features ?? {},
    checksum: `sum-${name}-${version}`,
    yanked: options.yanked ?? false,
    ...(options.links !== undefined ? { links: options.links } : {}),
    ...(options.rustVersion !== undefined ? { rustVersion: options.rustVersion } : {})
  }
}

/** A workspace member (a path package in /ws/<name>). */
export function root(name: string, ...rest: readonly (SummaryDep | PkgOptions)[]): Summary {
  const options = (rest.find((r) => !('packageName' in r)) ?? {}) as PkgOptions
  const deps = rest.filter((r): r is SummaryDep => 'packageName' in r)
  return pkg(`${name}@0.1.0`, { ...options, source: pathSource(name) }, ...deps)
}

export function pathSource(name: string): SourceId {
  return { kind: 'path', path: `/ws/${name}` }
}

export interface MemorySources {
  readonly sourceFor: (id: SourceId) => PackageSource
  /** Names asked of the sources, in order. */
  readonly queries: string[]
}

/** Serves the summaries by their source; a path source serves whatever lives at its path. */
export function memorySources(summaries: readonly Summary[]): MemorySources {
  const queries: string[] = []
  const bySource = new Map<string, Summary[]>()
  for (const s of summaries) {
    const key = sourceIdString(s.source)
    bySource.set(key, [...(bySource.get(key) ?? []), s])
  }
  const sourceFor = (id: SourceId): PackageSource => ({
    id,
    query(name) {
      queries.push(name)
      const key = sourceIdString(id.kind === 'git' ? { ...id, precise: undefined } : id)
      return Promise.resolve((bySource.get(key) ?? []).filter((s) => s.name === name))
    },
    download: () => Promise.reject(new Error('not in tests'))
  })
  return { sourceFor, queries }
}

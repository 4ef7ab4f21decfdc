/**
 * In-memory resolves for the feature resolver's tests: packages described by name, features and
 * dependency entries, every edge pointing at the package of that name (one version each, or
 * `name@version` to pick one).
 */
import {
  packageIdKey,
  type PackageId,
  type ResolvedDep,
  type ResolvedPackage,
  type Resolve
} from '../../../../../src/main/engine/resolver/resolve/resolve-types'
import { CRATES_IO, type SourceId } from '../../../../../src/main/engine/sources/source-id'
import type { DepKind, Summary, SummaryDep } from '../../../../../src/main/engine/sources/summary'

export interface DepSpec {
  readonly name: string
  /** The package (`name` or `name@version`); default: `name`. */
  readonly pkg?: string
  readonly kind?: DepKind
  readonly optional?: boolean
  readonly features?: readonly string[]
  readonly defaultFeatures?: boolean
  readonly target?: string
}

export interface PkgSpec {
  readonly name: string
  readonly version?: string
  readonly path?: boolean
  readonly deps?: readonly DepSpec[]
  readonly features?: Readonly<Record<string, readonly string[]>>
}

export function idOf(spec: PkgSpec): PackageId {
  const source: SourceId = spec.path ? { kind: 'path', path: `/ws/${spec.name}` } : CRATES_IO
  return { name: spec.name, version: spec.version ?? '1.0.0', source }
}

/** A resolve of `packages`; the first is the root (the one member). */
export function makeResolve(packages: readonly PkgSpec[]): {
  resolve: Resolve
  keyOf: (name: string) => string
} {
  const ids = new Map<string, PackageId>()
  for (const p of packages) {
    const id = idOf(p)
    ids.set(`${p.name}@${id.version}`, id)
    if (!ids.has(p.name)) ids.set(p.name, id)
  }
  const keyOf = (name: string) => {
    const id = ids.get(name)
    if (!id) throw new Error(`no package ${name} in the test resolve`)
    return packageIdKey(id)
  }
  const out = new Map<string, ResolvedPackage>()
  for (const p of packages) {
    const id = idOf(p)
    const deps: SummaryDep[] = (p.deps ?? []).map((d) => {
      const target = ids.get(d.pkg ?? d.name)!
      return {
        name: d.name,
        packageName: target.name,
        req: '*',
        kind: d.kind ?? 'normal',
        optional: d.optional ?? false,
        defaultFeatures: d.defaultFeatures ?? true,
        features: d.features ?? [],
        ...(d.target !== undefined ? { target: d.target } : {}),
        source: target.source
      }
    })
    const summary: Summary = {
      name: id.name,
      version: id.version,
      source: id.source,
      deps,
      features: p.features ?? {},
      yanked: false
    }
    const edges: ResolvedDep[] = (p.deps ?? []).map((d, i) => ({
      name: d.name,
      pkg: keyOf(d.pkg ?? d.name),
      kinds: [{ kind: deps[i]!.kind, ...(d.target !== undefined ? { target: d.target } : {}) }]
    }))
    out.set(packageIdKey(id), { id, summary, deps: edges })
  }
  const root = packageIdKey(idOf(packages[0]!))
  return { resolve: { packages: out, roots: [root], unusedPatches: [], warnings: [] }, keyOf }
}

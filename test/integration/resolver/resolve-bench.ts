/**
 * A benchmark-friendly entry: a generated 500-package registry (3–6 versions each, caret
 * requirements with a few pins that make the resolver backtrack, features and optional
 * dependencies) resolved from memory. `bench/registry.ts` can list `resolve500`; the same
 * registry can be written as a directory source to time `cargo generate-lockfile` on it.
 */
import { resolve } from '../../../src/main/engine/resolver/resolve/resolve'
import type { Resolve } from '../../../src/main/engine/resolver/resolve/resolve-types'
import { CRATES_IO, type SourceId } from '../../../src/main/engine/sources/source-id'
import type { PackageSource, Summary, SummaryDep } from '../../../src/main/engine/sources/summary'
import type { DepSpec, PackageSpec } from './directory-registry'
import { rng, type Generated } from './generate-registry'

export const BENCH_SEED = 500

const MINORS = [0, 1, 2, 3, 4, 5, 6, 7]

/**
 * `size` packages, each reached from the root: 3–6 `1.x` versions, 2–4 dependencies on
 * later packages with caret requirements (so many versions qualify), features every version
 * has, and a few ranges that exclude the newest version, which makes the resolver backtrack.
 */
export function benchRegistry(seed = BENCH_SEED, size = 500): Generated {
  const r = rng(seed)
  const versions: string[][] = []
  for (let i = 0; i < size; i++) {
    const count = 3 + Math.floor(r() * 4)
    const minors = [...MINORS]
      .sort(() => r() - 0.5)
      .slice(0, count)
      .sort((a, b) => a - b)
    versions.push(minors.map((m) => `1.${m}.${Math.floor(r() * 3)}`))
  }
  const dependents = new Array<number>(size).fill(0)
  const depsOf: DepSpec[][] = versions.map(() => [])
  const req = (j: number): string => {
    const vs = versions[j]!
    const minor = (v: string) => v.split('.')[1]!
    // An upper bound below the newest version: satisfiable (every requirement admits the
    // second-oldest version) but found out only after the newest was tried.
    if (r() < 0.04) return `>=1.${minor(vs[1]!)}, <1.${minor(vs[vs.length - 1]!)}`
    return `^1.${minor(vs[Math.floor(r() * 2)]!)}`
  }
  for (let i = 0; i < size; i++) {
    const count = i + 1 < size ? 2 + Math.floor(r() * 3) : 0
    const targets = new Set<number>()
    for (let k = 0; k < count; k++) targets.add(Math.min(size - 1, i + 1 + Math.floor(r() * 60)))
    for (const j of targets) {
      if (j === i) continue
      dependents[j]!++
      depsOf[i]!.push({ name: `p${j}`, req: req(j), ...(r() < 0.15 ? { features: ['std'] } : {}) })
    }
  }
  const rootDeps: DepSpec[] = []
  for (let j = 0; j < size; j++)
    if (j < 20 || dependents[j] === 0)
      rootDeps.push({ name: `p${j}`, req: `^1.${versions[j]![0]!.split('.')[1]}` })
  const registry: PackageSpec[] = []
  for (let i = 0; i < size; i++)
    for (const version of versions[i]!)
      registry.push({
        name: `p${i}`,
        version,
        // Older versions miss some dependencies: what a version brings in changes as it moves.
        deps: depsOf[i]!.filter((_, k) => k === 0 || r() < 0.8),
        features: { std: [], default: ['std'] }
      })
  return { registry, root: { name: 'root', version: '0.1.0', deps: rootDeps } }
}

function summaryDep(d: DepSpec): SummaryDep {
  return {
    name: d.name,
    packageName: d.package ?? d.name,
    req: d.req,
    kind: d.kind ?? 'normal',
    optional: d.optional ?? false,
    defaultFeatures: d.defaultFeatures ?? true,
    features: d.features ?? [],
    ...(d.target !== undefined ? { target: d.target } : {}),
    source: CRATES_IO
  }
}

export function specSummary(spec: PackageSpec, source: SourceId): Summary {
  return {
    name: spec.name,
    version: spec.version,
    source,
    deps: (spec.deps ?? []).map(summaryDep),
    features: spec.features ?? {},
    yanked: false,
    ...(spec.links ? { links: spec.links } : {}),
    ...(spec.rustVersion ? { rustVersion: spec.rustVersion } : {})
  }
}

/** Resolves the generated registry from memory (a fresh source each run: nothing cached). */
export function resolveGenerated(generated: Generated): Promise<Resolve> {
  const byName = new Map<string, Summary[]>()
  for (const spec of generated.registry)
    byName.set(spec.name, [...(byName.get(spec.name) ?? []), specSummary(spec, CRATES_IO)])
  const source: PackageSource = {
    id: CRATES_IO,
    query: (name) => Promise.resolve(byName.get(name) ?? []),
    download: () => Promise.reject(new Error('not used'))
  }
  const root = specSummary(generated.root, { kind: 'path', path: '/bench/root' })
  return resolve({ roots: [root], sourceFor: () => source })
}

/** Shaped like `bench/bench.ts`'s `Bench`. */
export const resolve500 = {
  name: 'resolve (500-package registry)',
  what: 'resolve(): generated registry with backtracking, from memory',
  runs: 20,
  prepare() {
    const generated = benchRegistry()
    return () => resolveGenerated(generated)
  }
}

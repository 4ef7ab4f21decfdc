/**
 * Seeded random registries for the differential tests and the benchmark: packages `p0…pN`
 * whose versions depend only on higher-numbered packages (no cycles), with requirements of
 * every form, tight pins that force backtracking, features some versions lack, optional
 * dependencies, renamed and build dependencies, platform tables and `links`.
 */
import type { DepSpec, PackageSpec } from './directory-registry'

/** mulberry32: small, fast and reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const VERSION_POOL = [
  '0.1.0',
  '0.1.4',
  '0.2.0',
  '0.2.3',
  '0.3.1',
  '1.0.0',
  '1.0.2',
  '1.1.0',
  '1.2.5',
  '1.3.0',
  '2.0.0',
  '2.1.0'
]

export interface GenerateOptions {
  readonly packages: number
  readonly maxVersions: number
  readonly maxDeps: number
  /** How often a requirement is an exact pin (drives backtracking). */
  readonly pinRate: number
  readonly features: boolean
  readonly links: boolean
  /** How often a requirement matches no version at all (default 0.02). */
  readonly unsatisfiableRate?: number
}

export interface Generated {
  readonly registry: PackageSpec[]
  readonly root: PackageSpec
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!
}

function requirement(
  r: () => number,
  versions: readonly string[],
  pinRate: number,
  impossible: number
): string {
  const v = pick(r, versions)
  const [maj, min, pat] = v.split('.')
  const roll = r()
  if (roll < pinRate) return `=${v}`
  if (roll < pinRate + 0.08) return `~${maj}.${min}.${pat}`
  if (roll < pinRate + 0.16) return `>=${maj}.${min}, <${Number(maj) + 2}`
  if (roll < pinRate + 0.2) return `${maj}.${min}.*`
  if (roll < pinRate + 0.22) return '*'
  if (roll < pinRate + 0.22 + impossible) return `^${Number(maj) + 5}` // matches nothing
  return r() < 0.5 ? `^${maj}.${min}` : `${maj}.${min}.${pat}`
}

/** One registry and a root package, deterministic for a seed. */
export function generateRegistry(seed: number, options: GenerateOptions): Generated {
  const r = rng(seed)
  const names = Array.from({ length: options.packages }, (_, i) => `p${i}`)
  const versionsOf = new Map<string, string[]>()
  for (const name of names) {
    const count = 1 + Math.floor(r() * options.maxVersions)
    const set = new Set<string>()
    while (set.size < count) set.add(pick(r, VERSION_POOL))
    versionsOf.set(name, [...set])
  }
  const featureNames = ['std', 'extra', 'fast']
  const hasFeature = new Map<string, Set<string>>()
  const registry: PackageSpec[] = []

  const depsFor = (index: number, allowDev: boolean): { deps: DepSpec[]; optional: string[] } => {
    const deps: DepSpec[] = []
    const optional: string[] = []
    const count = Math.floor(r() * (options.maxDeps + 1))
    const used = new Set<string>()
    for (let k = 0; k < count; k++) {
      if (index + 1 >= names.length) break
      const target = names[index + 1 + Math.floor(r() * Math.min(6, names.length - index - 1))]!
      const versions = versionsOf.get(target)!
      const roll = r()
      const renamed = roll < 0.06
      const name = renamed ? `${target}_alias${k}` : target
      if (used.has(name)) continue
      used.add(name)
      const kind = roll > 0.94 ? 'build' : allowDev && roll > 0.88 ? 'dev' : 'normal'
      const isOptional = kind !== 'dev' && options.features && r() < 0.2
      const features = options.features && r() < 0.25 ? [pick(r, featureNames)] : []
      deps.push({
        name,
        req: requirement(r, versions, options.pinRate, options.unsatisfiableRate ?? 0.02),
        kind,
        ...(renamed ? { package: target } : {}),
        ...(isOptional ? { optional: true } : {}),
        ...(features.length ? { features } : {}),
        ...(options.features && r() < 0.1 ? { defaultFeatures: false } : {}),
        ...(r() < 0.08 ? { target: pick(r, ['cfg(windows)', 'cfg(unix)', 'wasm32-unknown-unknown']) } : {})
      })
      if (isOptional) optional.push(name)
    }
    return { deps, optional }
  }

  for (const [index, name] of names.entries()) {
    for (const version of versionsOf.get(name)!) {
      const { deps, optional } = depsFor(index, false)
      const features: Record<string, string[]> = {}
      if (options.features) {
        const own = featureNames.filter(() => r() < 0.5)
        for (const f of own) features[f] = []
        if (own.length && r() < 0.5) features.default = [pick(r, own)]
        for (const opt of optional) {
          const roll = r()
          if (roll < 0.3) features[`with-${opt}`] = [`dep:${opt}`]
          else if (roll < 0.5 && own.length)
            features[pick(r, own)]!.push(r() < 0.5 ? `${opt}/std` : `${opt}?/std`)
        }
        hasFeature.set(`${name}@${version}`, new Set(Object.keys(features)))
      }
      const links = options.links && r() < 0.08 ? `native-${name}` : undefined
      registry.push({ name, version, deps, features, ...(links ? { links } : {}) })
    }
  }
  const rootDeps = depsFor(-1, true).deps
  const root: PackageSpec = {
    name: 'root',
    version: '0.1.0',
    deps: rootDeps.length ? rootDeps : [{ name: 'p0', req: '*' }]
  }
  return { registry, root }
}

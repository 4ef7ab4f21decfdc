/** Just enough of Cargo.lock for the differential tests: packages and their dependency edges. */
import { parse } from 'smol-toml'

export interface LockPackage {
  readonly name: string
  readonly version: string
  readonly source?: string
  readonly checksum?: string
  readonly dependencies: readonly string[]
}

export function parseCargoLock(text: string): LockPackage[] {
  const doc = parse(text) as { package?: Record<string, unknown>[] }
  return (doc.package ?? []).map((p) => ({
    name: String(p.name),
    version: String(p.version),
    ...(typeof p.source === 'string' ? { source: p.source } : {}),
    ...(typeof p.checksum === 'string' ? { checksum: p.checksum } : {}),
    dependencies: Array.isArray(p.dependencies) ? (p.dependencies as string[]) : []
  }))
}

/** `name@version -> [name@version…]`, with lock references (`name` or `name version`) resolved. */
export function lockGraph(packages: readonly LockPackage[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const p of packages) {
    const deps = p.dependencies.map((ref) => {
      const [name, version] = ref.split(' ')
      const found = packages.filter(
        (q) => q.name === name && (version === undefined || q.version === version)
      )
      if (found.length !== 1) throw new Error(`ambiguous lock reference ${ref}`)
      return `${found[0]!.name}@${found[0]!.version}`
    })
    out.set(`${p.name}@${p.version}`, [...new Set(deps)].sort())
  }
  return out
}

/**
 * The order candidates are tried in (cargo's `VersionPreferences`): packages from the previous
 * Cargo.lock and `[patch]` entries first, then (with `incompatible-rust-versions = "fallback"`)
 * those compatible with the most of the workspace's Rust versions, then newest first.
 */
import type { Summary } from '../../sources/summary'
import { matchesVersionReq } from '../version-match'
import { parseVersionReq } from '../version-req'
import { summaryKey } from './package-keys'
import { compareVersions } from './version-order'

export interface VersionPrefs {
  /** Keys (`packageIdKey`) to try first: the previous lock's packages and the patches. */
  readonly preferred: ReadonlySet<string>
  /** Rust versions to stay compatible with; empty: `rust-version` is not considered. */
  readonly rustVersions: readonly string[]
}

/** `1.60` → `1.60.0`: a partial Rust version as the full version cargo compares against. */
function fullVersion(partial: string): string | undefined {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(partial.trim())
  return m ? `${m[1]}.${m[2] ?? 0}.${m[3] ?? 0}` : undefined
}

/** cargo's `RustVersion::is_compatible_with`: the package's `rust-version` as a caret requirement. */
export function rustVersionCompatible(packageRustVersion: string, rust: string): boolean {
  const req = parseVersionReq(`^${packageRustVersion.trim().replace(/-.*$/, '')}`)
  const version = fullVersion(rust)
  return !req.ok || version === undefined || matchesVersionReq(req.req, version)
}

function compatCount(summary: Summary, rustVersions: readonly string[]): number {
  const own = summary.rustVersion
  if (own === undefined) return rustVersions.length
  return rustVersions.filter((rust) => rustVersionCompatible(own, rust)).length
}

/** Sorts candidates in place, best first. */
export function sortCandidates(candidates: Summary[], prefs: VersionPrefs): void {
  const counts =
    prefs.rustVersions.length > 0
      ? new Map(candidates.map((c) => [c, compatCount(c, prefs.rustVersions)]))
      : undefined
  candidates.sort((a, b) => {
    const pa = prefs.preferred.has(summaryKey(a))
    const pb = prefs.preferred.has(summaryKey(b))
    if (pa !== pb) return pa ? -1 : 1
    if (counts) {
      const d = counts.get(b)! - counts.get(a)!
      if (d !== 0) return d
    }
    return compareVersions(b.version, a.version)
  })
}

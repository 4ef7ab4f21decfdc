/**
 * Cargo.lock's format versions and cargo's rules for choosing one. Cargo never rewrites a lock
 * just to change its format: it keeps the version it loaded while the content is unchanged, and
 * when it has to write anyway it moves an older format up to the default (never down). The
 * default is the newest format that every workspace member's `rust-version` can read.
 */

/** 1: checksums in `[metadata]`; 2: short dependency entries, inline checksums; 3: `version = 3`; 4: URL-encoded git refs. */
export type LockVersion = 1 | 2 | 3 | 4

export const NEWEST_LOCK_VERSION: LockVersion = 4

/** The first Rust release that reads each format (cargo's `ResolveVersion::with_rust_version`). */
const FIRST_READER: readonly (readonly [LockVersion, number])[] = [
  [4, 83],
  [3, 53],
  [2, 41]
]

function minorOf(rustVersion: string): number | undefined {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(rustVersion.trim())
  if (!m) return undefined
  const major = Number(m[1])
  const minor = Number(m[2] ?? 0)
  // Every format so far needs Rust 1.x; a later major reads them all.
  return major > 1 ? Number.MAX_SAFE_INTEGER : major < 1 ? -1 : minor
}

/**
 * The format of a new lock file: the newest one the oldest member's `rust-version` can read,
 * or the newest of all when no member declares one.
 */
export function defaultLockVersion(rustVersions: readonly (string | undefined)[] = []): LockVersion {
  const minors = rustVersions.flatMap((v) => {
    const minor = v === undefined ? undefined : minorOf(v)
    return minor === undefined ? [] : [minor]
  })
  if (minors.length === 0) return NEWEST_LOCK_VERSION
  const lowest = Math.min(...minors)
  return FIRST_READER.find(([, first]) => lowest >= first)?.[0] ?? 1
}

/** The format cargo writes a changed lock in: the loaded one, moved up to the default if older. */
export function lockVersionForWrite(
  loaded: LockVersion | undefined,
  rustVersions: readonly (string | undefined)[] = []
): LockVersion {
  const target = defaultLockVersion(rustVersions)
  return loaded === undefined || loaded < target ? target : loaded
}

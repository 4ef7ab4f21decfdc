/**
 * `[replace]` during resolution (cargo's `RegistryQueryer::query`): every candidate a query
 * returns is checked against the specs; a match is looked up in the replacement's own source
 * (a path or git package of exactly that version) and, when it comes from another source,
 * recorded as the candidate's stand-in. Activating the candidate then activates the stand-in
 * and follows its dependencies instead. A previous Cargo.lock keeps a git stand-in on the
 * commit it recorded (cargo's `lock_replacements`).
 */
import { EngineError } from '../../errors'
import { sameSource, type SourceId } from '../../sources/source-id'
import type { PackageSource, Summary } from '../../sources/summary'
import { displayPackageId, displaySource, summaryId, summaryKey } from './package-keys'
import { displayReplaceSpec, replaceSpecMatches } from './replace-spec'
import { packageIdKey, type LockedPackage, type PackageId, type ReplaceEntry } from './resolve-types'
import { sameVersionIgnoringBuild } from './version-order'

/**
 * A `[replace]` problem found while building a package's dependencies; `activate` words it
 * as cargo does, with the way from that package down to the workspace.
 */
export class ReplacementError extends Error {
  constructor(
    /** The dependency whose candidates were being checked. */
    readonly depName: string,
    message: string,
    readonly hint: string
  ) {
    super(message)
    this.name = 'ReplacementError'
  }

  /** cargo's "failed to get `x` as a dependency of package `…`" around the cause. */
  within(path: string): EngineError {
    const cause = this.message
      .split('\n')
      .map((line) => (line === '' ? '' : `  ${line}`))
      .join('\n')
    return new EngineError(
      'manifest-invalid',
      `failed to get \`${this.depName}\` as a dependency of ${path}\n\nCaused by:\n${cause}`,
      { hint: this.hint }
    )
  }
}

/** cargo's requirement for the spec's version: `=1.2.3` (pre-release kept, build metadata dropped). */
function exactReq(version: string): string {
  return `=${version.replace(/\+.*$/, '')}`
}

/**
 * Whether `id` is what the entry asks for (same name, version and source; cargo's `matches_id`):
 * its own stand-in rather than a package it replaces.
 */
export function isStandIn(entry: ReplaceEntry, id: PackageId): boolean {
  return (
    id.name === entry.spec.name &&
    sameVersionIgnoringBuild(entry.spec.version, id.version) &&
    sameSource(entry.source, id.source)
  )
}

/**
 * cargo's `lock_replacements`: an entry whose stand-in the previous lock recorded, and which is
 * kept (not being updated), is pinned to that package's source (a git commit).
 */
export function lockReplacements(
  entries: readonly ReplaceEntry[],
  locked: readonly LockedPackage[],
  keep: (id: PackageId) => boolean
): ReplaceEntry[] {
  return entries.map((entry) => {
    for (const p of locked) {
      const to = p.replace
      if (to && replaceSpecMatches(entry.spec, p.id) && isStandIn(entry, to) && keep(to))
        return { ...entry, source: to.source }
    }
    return entry
  })
}

export class Replacements {
  /** Original package key → the summary standing in for it. */
  private readonly used = new Map<string, Summary>()
  private readonly lookups = new Map<string, Promise<readonly Summary[]>>()

  constructor(
    private readonly entries: readonly ReplaceEntry[],
    private readonly sourceFor: (id: SourceId) => PackageSource,
    private readonly remember: (summary: Summary) => void
  ) {}

  get active(): boolean {
    return this.entries.length > 0
  }

  /** The stand-in chosen for the package with this summary, if `[replace]` swapped it. */
  replacementOf(summary: Summary): Summary | undefined {
    return this.used.get(summaryKey(summary))
  }

  /** Every package swapped so far, by original key (the resolve keeps the activated ones). */
  replacedKeys(): ReadonlyMap<string, Summary> {
    return this.used
  }

  private lookup(entry: ReplaceEntry): Promise<readonly Summary[]> {
    const key = `${packageIdKey({ name: entry.spec.name, version: entry.spec.version, source: entry.source })}`
    let found = this.lookups.get(key)
    if (!found) {
      found = this.sourceFor(entry.source)
        .query(entry.spec.name)
        .then((list) => list.filter((s) => sameVersionIgnoringBuild(entry.spec.version, s.version)))
      this.lookups.set(key, found)
    }
    return found
  }

  /** Checks a query's candidates against the specs (cargo's override pass); throws on a bad entry. */
  async check(depName: string, candidates: readonly Summary[]): Promise<void> {
    for (const summary of candidates) {
      const id = summaryId(summary)
      const matching = this.entries.filter((e) => replaceSpecMatches(e.spec, id))
      const entry = matching[0]
      if (!entry) continue
      const spec = displayReplaceSpec(entry.spec)
      const found = await this.lookup(entry)
      const first = found[0]
      if (!first)
        throw new ReplacementError(
          depName,
          `no matching package for override \`${spec}\` found\nlocation searched: ${displaySource(entry.source)}\nversion required: ${exactReq(entry.spec.version)}`,
          `The package at ${displaySource(entry.source)} must be \`${entry.spec.name}\` version ${entry.spec.version}: point the \`[replace]\` entry at it, or change the key's version.`
        )
      if (found.length > 1)
        throw new ReplacementError(
          depName,
          `the replacement specification \`${spec}\` matched multiple packages:\n${found.map((s) => `  * ${displayPackageId(summaryId(s))}`).join('\n')}`,
          'Point the `[replace]` entry at a source with only one such package.'
        )
      if (first.version !== summary.version)
        throw new ReplacementError(
          depName,
          `replacement specification \`${spec}\` matched ${summary.version} and tried to override it with ${first.version}\navoid matching unrelated packages by being more specific`,
          'Give the `[replace]` key the exact version, build metadata included.'
        )
      const other = matching[1]
      if (other)
        throw new ReplacementError(
          depName,
          `overlapping replacement specifications found:\n\n  * ${spec}\n  * ${displayReplaceSpec(other.spec)}\n\nboth specifications match: ${displayPackageId(id)}`,
          'Keep one `[replace]` entry per package.'
        )
      if (sameSource(first.source, summary.source)) continue
      this.remember(first)
      this.used.set(summaryKey(summary), first)
    }
  }
}

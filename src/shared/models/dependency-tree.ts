/**
 * The resolved dependency graph as the dependency view receives it: what `cargo tree` draws
 * from, as plain data that crosses IPC. It is a graph, not a tree: a package that several
 * others depend on is listed once, and the view derives the tree (with cargo's `(*)` markers,
 * inverted trees and duplicates) from it.
 */
import { assertNever } from '../assert-never'
import type { DependencyKind, GitReference } from './package'

/** The registry name cargo uses for crates.io; cargo tree prints no source for it. */
export const CRATES_IO_NAME = 'crates-io'

/** Where a resolved package comes from, as cargo identifies it (after `[source]` replacement, the original). */
export type GraphSource =
  /** `name`: `crates-io`, or the `[registries]` key of another registry (its URL when it has none). */
  | { readonly kind: 'registry'; readonly name: string; readonly url: string }
  /** `commit`: the full locked commit, once known. `reference` absent: the default branch. */
  | {
      readonly kind: 'git'
      readonly url: string
      readonly reference?: GitReference
      readonly commit?: string
    }
  | { readonly kind: 'path'; readonly path: string }

/** One package of the resolve (one node of the graph). */
export interface GraphPackage {
  /**
   * Unique in the graph: cargo's package ID (`name version (source)` or the spec form). One node
   * per package as cargo tree draws it: a package built for the host (under a build dependency
   * or proc-macro) with other features than for the target is two nodes, two ids, one name.
   */
  readonly id: string
  readonly name: string
  readonly version: string
  readonly source: GraphSource
  /** Features enabled on it after unification, sorted. */
  readonly features: readonly string[]
  /**
   * Its `[features]` table as written (`dep:x`, `x/y` kept), when known: lets the view tell that
   * `std` is on because a dependent asked for `default`. Optional because a registry index entry
   * read without its files may not be at hand.
   */
  readonly declaredFeatures?: Readonly<Record<string, readonly string[]>>
  readonly procMacro: boolean
  /** A workspace member (its dev-dependencies are part of the graph; nobody else's are). */
  readonly member: boolean
  readonly description?: string
  readonly license?: string
  readonly repository?: string
}

/**
 * One dependency declaration that the resolve kept: `from` depends on `to`. A package depending
 * on another as both a normal and a build dependency, or under two `[target.…]` tables, has one
 * edge per declaration. Optional dependencies whose feature is off are not edges.
 */
export interface GraphEdge {
  /** The dependent's `GraphPackage.id`. */
  readonly from: string
  /** The dependency's `GraphPackage.id`. */
  readonly to: string
  readonly kind: DependencyKind
  /** The dependent's key for it when it renamed the package (`alias = { package = "real" }`). */
  readonly rename?: string
  /** The version requirement as cargo normalizes it (`^1.0`; `*` when none was written). */
  readonly req: string
  /**
   * Every feature of `to` this dependent turns on: the entry's `features` plus those its own
   * enabled features add through `to/feature`. `default` is not listed: see `defaultFeatures`.
   */
  readonly features: readonly string[]
  readonly defaultFeatures: boolean
  readonly optional: boolean
  /** The `cfg(…)` expression or target triple of a `[target.…]` table. */
  readonly target?: string
}

/**
 * Everything the dependency view shows: packages, the edges between them, and where to start.
 * Platform-specific edges may be kept for every platform (as `cargo tree --target all` shows
 * them); each carries its `target`.
 */
export interface DependencyGraph {
  readonly packages: readonly GraphPackage[]
  readonly edges: readonly GraphEdge[]
  /** IDs of the packages the tree starts from: the workspace members (or the ones selected). */
  readonly roots: readonly string[]
}

/**
 * What `cargo tree` prints in parentheses after a package's version, or undefined for
 * crates.io: `/path/to/pkg`, `https://host/repo?branch=main#0123abcd`, ``registry `name` ``.
 */
export function cargoSourceLabel(source: GraphSource): string | undefined {
  switch (source.kind) {
    case 'registry':
      return source.name === CRATES_IO_NAME ? undefined : `registry \`${source.name}\``
    case 'path':
      return source.path
    case 'git': {
      const query = source.reference ? `?${source.reference.type}=${source.reference.value}` : ''
      const commit = source.commit ? `#${source.commit.slice(0, 8)}` : ''
      return `${source.url}${query}${commit}`
    }
    default:
      return assertNever(source, 'graph source')
  }
}

/** A resolution's latest step, pushed while the view waits for its graph. */
export interface DependencyProgress {
  readonly manifestPath: string
  readonly message: string
}

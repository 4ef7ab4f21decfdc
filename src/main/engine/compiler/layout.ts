/**
 * Where build outputs go: cargo's `target/` layout, so both tools can share one directory. A build
 * that names its target (`--target`, `build.target`), even the host's, keeps two: the target's
 * units in `target/<triple>/<profile>/`, and the host's (build scripts, proc-macros and what they
 * use) in `target/<profile>/`, as cargo's `Layout` per `CompileKind`.
 */
import { join } from 'node:path'
import type { Profile } from './profile'

export interface Layout {
  readonly targetDir: string
  /** target/<profile> (or target/<triple>/<profile>): final, uplifted artifacts live here. */
  readonly dest: string
  readonly deps: string
  readonly build: string
  readonly incremental: string
  readonly examples: string
  /** The triple the build names; absent when it builds for the host without saying so. */
  readonly triple?: string
  /** With a named triple: the folders of host units (target/<profile>). */
  readonly host?: Layout
}

function dirsUnder(targetDir: string, dest: string): Layout {
  return {
    targetDir,
    dest,
    deps: join(dest, 'deps'),
    build: join(dest, 'build'),
    incremental: join(dest, 'incremental'),
    examples: join(dest, 'examples')
  }
}

/** The layout of a build for `profile`, for `triple` when the build names one. */
export function layoutFor(targetDir: string, profile: Profile, triple?: string): Layout {
  const host = dirsUnder(targetDir, join(targetDir, profile.dirName))
  if (triple === undefined) return host
  return { ...dirsUnder(targetDir, join(targetDir, triple, profile.dirName)), triple, host }
}

/** The folders a unit's files go to: the host's for host units when the build names a target. */
export function unitLayout(unit: { readonly forHost: boolean }, layout: Layout): Layout {
  return unit.forHost && layout.host ? layout.host : layout
}

/** Every folder a build writes into, host's last (what a lock must cover). */
export function layoutDests(layout: Layout): readonly string[] {
  return layout.host ? [layout.dest, layout.host.dest] : [layout.dest]
}

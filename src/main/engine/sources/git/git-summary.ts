/**
 * A package read from a git checkout, as the resolver sees it. Its dependencies get explicit
 * sources the way cargo assigns them when it reads a manifest from a git source: a `path`
 * dependency is the same git source at the same commit (cargo looks it up by name in the same
 * repository), a `git` dependency its own git source, and a registry dependency crates.io
 * unless it names another registry.
 */
import { EngineError } from '../../errors'
import type { Dependency, Manifest } from '../../manifest/model'
import { summaryOfManifest } from '../manifest-summary'
import { CRATES_IO, type SourceId } from '../source-id'
import type { Summary } from '../summary'

/** Maps a `registry = "name"` to its source; undefined when the name is not configured. */
export type RegistryLookup = (name: string) => SourceId | undefined

function registryOf(manifest: Manifest, registryFor: RegistryLookup | undefined) {
  return (name: string | undefined, dep: Dependency): SourceId => {
    if (name === undefined) return CRATES_IO
    const found = registryFor?.(name)
    if (found) return found
    throw new EngineError(
      'not-found',
      `Dependency \`${dep.name}\` of \`${manifest.package.name}\` uses the registry \`${name}\`, which is not configured.`,
      {
        file: manifest.path,
        ...(dep.line !== undefined ? { line: dep.line } : {}),
        hint: `Define it in .cargo/config.toml: [registries.${name}] index = "…".`
      }
    )
  }
}

/** The summary of a package in a git checkout; `self` is the git source with its locked commit. */
export function gitSummary(manifest: Manifest, self: SourceId, registryFor?: RegistryLookup): Summary {
  return summaryOfManifest(manifest, {
    source: self,
    pathSource: () => self,
    registry: registryOf(manifest, registryFor)
  })
}

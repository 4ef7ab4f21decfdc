/**
 * A package read from a git checkout, as the resolver sees it. Its dependencies get explicit
 * sources the way cargo assigns them when it reads a manifest from a git source: a `path`
 * dependency is the same git source at the same commit (cargo looks it up by name in the same
 * repository), a `git` dependency its own git source, and a registry dependency crates.io
 * unless it names another registry.
 */
import { EngineError } from '../../errors'
import type { Dependency, Manifest } from '../../manifest/model'
import { CRATES_IO, type GitRef, type SourceId } from '../source-id'
import type { Summary, SummaryDep } from '../summary'

/** Maps a `registry = "name"` to its source; undefined when the name is not configured. */
export type RegistryLookup = (name: string) => SourceId | undefined

function depSource(
  dep: Dependency,
  self: SourceId,
  manifest: Manifest,
  registryFor?: RegistryLookup
): SourceId {
  const source = dep.source
  switch (source.type) {
    case 'path':
      return self
    case 'git': {
      const ref: GitRef = source.reference ?? { type: 'default' }
      return { kind: 'git', url: source.url, ref }
    }
    case 'registry': {
      if (source.registry === undefined) return CRATES_IO
      const found = registryFor?.(source.registry)
      if (found) return found
      throw new EngineError(
        'not-found',
        `Dependency \`${dep.name}\` of \`${manifest.package.name}\` uses the registry \`${source.registry}\`, which is not configured.`,
        {
          file: manifest.path,
          ...(dep.line !== undefined ? { line: dep.line } : {}),
          hint: `Define it in .cargo/config.toml: [registries.${source.registry}] index = "…".`
        }
      )
    }
  }
}

/** One manifest dependency as a summary dependency. */
export function summaryDep(
  dep: Dependency,
  self: SourceId,
  manifest: Manifest,
  registryFor?: RegistryLookup
): SummaryDep {
  return {
    name: dep.name,
    packageName: dep.packageName,
    req: dep.versionReq ?? '*',
    kind: dep.kind,
    optional: dep.optional,
    defaultFeatures: dep.defaultFeatures,
    features: dep.features,
    ...(dep.platform !== undefined ? { target: dep.platform } : {}),
    source: depSource(dep, self, manifest, registryFor)
  }
}

/** The summary of a package in a git checkout; `self` is the git source with its locked commit. */
export function gitSummary(manifest: Manifest, self: SourceId, registryFor?: RegistryLookup): Summary {
  const pkg = manifest.package
  return {
    name: pkg.name,
    version: pkg.version,
    source: self,
    deps: manifest.dependencies.map((d) => summaryDep(d, self, manifest, registryFor)),
    features: manifest.features,
    yanked: false,
    ...(pkg.links !== undefined ? { links: pkg.links } : {}),
    ...(pkg.rustVersion !== undefined ? { rustVersion: pkg.rustVersion } : {})
  }
}

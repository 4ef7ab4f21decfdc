/**
 * A package's manifest as a `Summary`: how path and git packages (which have no index) take
 * part in resolution. Dependency sources are made absolute: a path relative to the declaring
 * manifest, a git URL with its reference, a registry by name through the configuration.
 */
import { resolve } from 'node:path'
import type { Dependency, Manifest } from '../manifest/model'
import { CRATES_IO, type GitRef, type SourceId } from './source-id'
import type { Summary, SummaryDep } from './summary'

export interface SummaryContext {
  /** The source the package itself belongs to. */
  readonly source: SourceId
  /** The source ID of a named registry (`registry = "name"`), or crates.io's for none; `dep` for errors. */
  readonly registry?: (name: string | undefined, dep: Dependency) => SourceId
  /**
   * A path dependency's source. Path packages keep `path`; inside a git checkout cargo makes
   * them members of the same repository and commit, so the git source passes its own rule.
   */
  readonly pathSource?: (absolutePath: string) => SourceId
}

function dependencySource(
  dep: Dependency,
  manifest: Pick<Manifest, 'rootDir'>,
  ctx: SummaryContext
): SourceId {
  const s = dep.source
  switch (s.type) {
    case 'path': {
      const path = resolve(manifest.rootDir, s.path)
      return ctx.pathSource ? ctx.pathSource(path) : { kind: 'path', path }
    }
    case 'git': {
      const ref: GitRef = s.reference ?? { type: 'default' }
      return { kind: 'git', url: s.url, ref }
    }
    case 'registry':
      return ctx.registry ? ctx.registry(s.registry, dep) : CRATES_IO
  }
}

export function summaryDepOf(
  dep: Dependency,
  manifest: Pick<Manifest, 'rootDir'>,
  ctx: SummaryContext
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
    source: dependencySource(dep, manifest, ctx)
  }
}

export function summaryOfManifest(manifest: Manifest, ctx: SummaryContext): Summary {
  const meta = manifest.package
  return {
    name: meta.name,
    version: meta.version,
    source: ctx.source,
    deps: manifest.dependencies.map((d) => summaryDepOf(d, manifest, ctx)),
    features: manifest.features,
    yanked: false,
    ...(meta.links !== undefined ? { links: meta.links } : {}),
    ...(meta.rustVersion !== undefined ? { rustVersion: meta.rustVersion } : {})
  }
}

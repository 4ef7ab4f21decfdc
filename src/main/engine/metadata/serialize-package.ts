/**
 * One entry of `packages` in `cargo metadata`: every field in cargo's order, with `null` for
 * what the manifest leaves out and `[]` for empty lists, features including the implicit
 * `x = ["dep:x"]` of optional dependencies.
 */
import type { Package } from '../manifest/model'
import { featureMapOf } from '../resolver/feature-resolver/feature-map'
import { formatFeatureValue } from '../resolver/feature-resolver/feature-value'
import type { PackageId } from '../resolver/resolve/resolve-types'
import { sourceIdString } from '../sources/source-id'
import type { Summary } from '../sources/summary'
import { fromJsonValue, obj, type OrderedObject } from './json-text'
import { packageIdSpecString } from './package-id-string'
import { readmeOf } from './readme'
import { cargoDependencyOrder, serializeDependency } from './serialize-dependency'
import { serializeTargets } from './serialize-target'

function featuresOf(pkg: Package, summary: Summary | undefined): OrderedObject {
  const deps = summary?.deps ?? pkg.manifest.dependencies.map((d) => ({ name: d.name, optional: d.optional }))
  const map = featureMapOf({ deps: deps as Summary['deps'], features: pkg.manifest.features })
  return obj([...map].map(([name, values]) => [name, values.map(formatFeatureValue)] as const))
}

export async function serializePackage(
  id: PackageId,
  pkg: Package,
  summary: Summary | undefined
): Promise<OrderedObject> {
  const m = pkg.manifest
  const meta = m.package
  const orNull = (v: string | undefined) => v ?? null
  return obj([
    ['name', meta.name],
    ['version', meta.version],
    ['id', packageIdSpecString(id)],
    ['license', orNull(meta.license)],
    ['license_file', orNull(meta.licenseFile)],
    ['description', orNull(meta.description)],
    ['source', id.source.kind === 'path' ? null : sourceIdString(id.source)],
    ['dependencies', cargoDependencyOrder(m.dependencies).map((d) => serializeDependency(d, m, summary))],
    ['targets', serializeTargets(pkg)],
    ['features', featuresOf(pkg, summary)],
    ['manifest_path', m.path],
    ['metadata', meta.metadata === undefined ? null : fromJsonValue(meta.metadata)],
    ['publish', meta.publish === undefined ? null : [...meta.publish]],
    ['authors', [...meta.authors]],
    ['categories', [...meta.categories]],
    ['keywords', [...meta.keywords]],
    ['readme', await readmeOf(m)],
    ['repository', orNull(meta.repository)],
    ['homepage', orNull(meta.homepage)],
    ['documentation', orNull(meta.documentation)],
    ['edition', meta.edition],
    ['links', orNull(meta.links)],
    ['default_run', orNull(meta.defaultRun)],
    ['rust_version', orNull(meta.rustVersion)]
  ])
}

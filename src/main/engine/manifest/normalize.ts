/** Parsed TOML → Manifest. One place decides what every table means, in either dialect. */
import { checkFeatures } from './check-features'
import { dirname } from 'node:path'
import type { ManifestWarning } from '@shared/models/package'
import type { Manifest, TargetDecl } from './model'
import { TOP_LEVEL_KEYS } from './known-keys'
import type { KeyLocator } from './locate'
import type { TomlObject } from './parse-toml'
import { readAllDependencies } from './read-dependencies'
import { readPackageTable } from './read-package-table'
import { readPatch, readReplace } from './read-patch'
import { readProfiles } from './read-profiles'
import { readLints } from './read-lints'
import { readLib, readTargetTable } from './read-target-tables'
import { TableReader } from './table-reader'

/**
 * `warnings` may be passed in so a caller that wants every problem (the editor) still has the
 * warnings gathered before an error stops the reading.
 */
export function normalizeManifest(
  doc: TomlObject,
  file: string,
  locator: KeyLocator,
  warnings: ManifestWarning[] = []
): Manifest {
  const root = new TableReader({ file, locator, warnings }, doc, [])
  const pkgTable = root.subtable('package') ?? root.subtable('project')
  if (root.has('project') && !root.has('package')) {
    root.warn('project', '`[project]` is deprecated in favor of `[package]`.')
  }
  if (!pkgTable) {
    if (root.has('workspace')) {
      throw root.error(
        'workspace',
        `${file} is a virtual workspace manifest (it has \`[workspace]\` but no \`[package]\`): it is not a package itself.`,
        'Open the workspace (its folder), or one of its member packages.'
      )
    }
    throw root.error(
      undefined,
      `${file} has no \`[package]\` section.`,
      'Add `[package]` with `name` and `version`.'
    )
  }
  const pkg = readPackageTable(pkgTable)
  const { lib, legacyArray } = readLib(root)
  const bins = root.tableArray('bin').map(readTargetTable)
  const dependencies = readAllDependencies(root)
  const features = readFeatures(root)
  const featureTable = root.subtable('features')
  if (featureTable) checkFeatures(featureTable, features, dependencies)
  const manifest: Manifest = {
    path: file,
    rootDir: dirname(file),
    format: legacyArray || pkg.build.type === 'command' ? '2014' : 'current',
    legacyLibArray: legacyArray,
    package: pkg,
    lib,
    bins,
    examples: targetList(root, 'example'),
    tests: targetList(root, 'test'),
    benches: targetList(root, 'bench'),
    dependencies,
    features,
    profiles: readProfiles(root),
    patch: readPatch(root),
    replace: readReplace(root),
    lints: readLints(root),
    warnings
  }
  root.raw('workspace')
  root.raw('badges')
  root.warnUnused(TOP_LEVEL_KEYS)
  if (!pkg.editionExplicit && manifest.format === 'current') {
    warnings.push({
      file,
      line: pkgTable.lineOf(),
      message: `no edition set: defaulting to the 2015 edition while the latest is 2024`
    })
  }
  return manifest
}

function targetList(root: TableReader, key: string): TargetDecl[] {
  return root.tableArray(key).map(readTargetTable)
}

function readFeatures(root: TableReader): Record<string, readonly string[]> {
  const table = root.subtable('features')
  // A null prototype: a feature called `__proto__` must stay a feature.
  const features = Object.create(null) as Record<string, readonly string[]>
  if (!table) return features
  for (const name of table.keys()) features[name] = table.stringArray(name) ?? []
  return features
}

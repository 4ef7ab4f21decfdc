/**
 * The `[source.NAME]` tables of cargo's source replacement, validated with cargo's rules (its
 * `SourceConfigMap`): each names exactly one location (`registry`, `local-registry`,
 * `directory` or `git` with an optional `branch`/`tag`/`rev`) unless it is the built-in
 * `crates-io`, may say `replace-with`, and no location may be defined under two names.
 * Each field can be overridden by `CARGO_SOURCE_<name as written>_<FIELD>`.
 */
import type { ManifestWarning } from '@shared/models/package'
import { EngineError } from '../errors'
import { CRATES_IO_INDEX, type GitRef } from '../sources/source-id'
import { envKey, type CargoConfig, type Located } from './cargo-config'
import { describeDefinition, locationOf, type ConfigValue } from './config-value'
import { sourceIdOfIndexUrl } from './registries-config'
import { locationKey, type SourceLocation } from './source-location'

export interface SourceDefinition {
  readonly name: string
  readonly location: SourceLocation
  /** `replace-with`, with where it was written (cargo's "configuration in …"). */
  readonly replaceWith?: Located<string>
}

export interface SourceConfigs {
  readonly byName: ReadonlyMap<string, SourceDefinition>
  /** `locationKey` → the name a location is configured under. */
  readonly nameOf: ReadonlyMap<string, string>
}

const FIELDS = ['replace-with', 'directory', 'registry', 'local-registry', 'git', 'branch', 'tag', 'rev']

function gitRef(field: (f: string) => Located<string> | undefined): GitRef {
  for (const type of ['branch', 'tag', 'rev'] as const) {
    const v = field(type)
    if (v) return { type, value: v.value }
  }
  return { type: 'default' }
}

function urlField(v: Located<string>, key: string): URL {
  try {
    return new URL(v.value)
  } catch {
    throw new EngineError(
      'invalid-input',
      `The configuration key \`${key}\` specified an invalid URL \`${v.value}\` (in ${describeDefinition(v.def)}).`,
      { ...locationOf(v.def), hint: 'Write a full URL such as `https://host/path`.' }
    )
  }
}

function readOne(
  config: CargoConfig,
  name: string,
  table: ConfigValue,
  warnings: ManifestWarning[]
): SourceDefinition {
  if (table.type !== 'table') throw config.expected(['source', name], 'a table', table)
  for (const [key, value] of table.entries)
    if (!FIELDS.includes(key))
      warnings.push({
        ...locationOf(value.def),
        file: describeDefinition(value.def),
        message: `unused config key \`source.${name}.${key}\` in \`${describeDefinition(value.def)}\``
      })
  const field = (f: string): Located<string> | undefined =>
    config.string(['source', name, f], envKey(['source', name, f], new Set([1])))
  const pathField = (f: string) => config.path(['source', name, f], envKey(['source', name, f], new Set([1])))
  const locations: SourceLocation[] = []
  const registry = field('registry')
  if (registry) {
    urlField(registry, `source.${name}.registry`)
    locations.push({
      kind: 'registry',
      id: sourceIdOfIndexUrl(registry.value, `source.${name}.registry`, registry.def)
    })
  }
  const local = pathField('local-registry')
  if (local) locations.push({ kind: 'local-registry', path: local.value })
  const directory = pathField('directory')
  if (directory) locations.push({ kind: 'directory', path: directory.value })
  const git = field('git')
  if (git) {
    const url = urlField(git, `source.${name}.git`).href
    locations.push({ kind: 'git', id: { kind: 'git', url, ref: gitRef(field) } })
  } else {
    for (const key of ['branch', 'tag', 'rev']) {
      const v = field(key)
      if (v)
        throw new EngineError(
          'invalid-input',
          `The source definition \`source.${name}\` specifies \`${key}\`, but that requires a \`git\` key to be specified (in ${describeDefinition(v.def)}).`,
          { ...locationOf(v.def), hint: `Add \`git = "…"\` to [source.${name}] or remove \`${key}\`.` }
        )
    }
  }
  if (name === 'crates-io' && locations.length === 0)
    locations.push({ kind: 'registry', id: { kind: 'registry', url: CRATES_IO_INDEX } })
  const where = locationOf(table.def)
  if (locations.length === 0)
    throw new EngineError(
      'invalid-input',
      `No source location specified for \`source.${name}\`, need \`registry\`, \`local-registry\`, \`directory\`, or \`git\` defined.`,
      { ...where, hint: `Add for example \`directory = "vendor"\` to [source.${name}].` }
    )
  if (locations.length > 1)
    throw new EngineError(
      'invalid-input',
      `More than one source location specified for \`source.${name}\`.`,
      {
        ...where,
        hint: 'Keep exactly one of `registry`, `local-registry`, `directory` or `git`.'
      }
    )
  const replaceWith = field('replace-with')
  return { name, location: locations[0] as SourceLocation, ...(replaceWith ? { replaceWith } : {}) }
}

const cache = new WeakMap<CargoConfig, SourceConfigs>()

/**
 * Every `[source.*]` table plus the built-in `crates-io`, read once per configuration (its
 * "unused config key" warnings are added to `config.warnings` that one time).
 */
export function readSourceConfigs(config: CargoConfig): SourceConfigs {
  let configs = cache.get(config)
  if (!configs) {
    configs = readAll(config)
    cache.set(config, configs)
  }
  return configs
}

function readAll(config: CargoConfig): SourceConfigs {
  const index = config.string(['registry', 'index'])
  if (index)
    throw new EngineError('invalid-input', 'The `registry.index` config value is no longer supported.', {
      ...locationOf(index.def),
      hint: 'Use `[source]` replacement to alter the default index for crates.io.'
    })
  const crates: SourceDefinition = {
    name: 'crates-io',
    location: { kind: 'registry', id: { kind: 'registry', url: CRATES_IO_INDEX } }
  }
  const byName = new Map<string, SourceDefinition>([['crates-io', crates]])
  const nameOf = new Map<string, string>([[locationKey(crates.location), 'crates-io']])
  const sources = config.fileValue(['source'])
  if (sources !== undefined && sources.type !== 'table') throw config.expected(['source'], 'a table', sources)
  for (const [name, table] of sources?.entries ?? []) {
    const def = readOne(config, name, table, config.warnings)
    const key = locationKey(def.location)
    const previous = nameOf.get(key)
    if (previous !== undefined && name !== 'crates-io')
      throw new EngineError(
        'invalid-input',
        `Source \`${name}\` defines source ${key}, but that source is already defined by \`${previous}\`.`,
        {
          ...locationOf(table.def),
          hint: 'Sources are not allowed to be defined multiple times.'
        }
      )
    nameOf.set(key, name)
    byName.set(name, def)
  }
  return { byName, nameOf }
}

export type { SourceLocation }

/**
 * `[profile.NAME]` from `.cargo/config.toml` and `CARGO_PROFILE_<NAME>_<KEY>`, read the way cargo
 * deserializes `profile.NAME` from its configuration: the files' keys, each overridden by its
 * environment variable (typed as cargo types it: `true`/`false`, an integer, else a string), a
 * table present when a file has it or any variable starts with its prefix, and package tables
 * only where a file wrote them (`CARGO_PROFILE_DEV_PACKAGE_<spec>_OPT_LEVEL` overrides one).
 */
import type { CargoConfig } from '../../config/cargo-config'
import { envKey } from '../../config/cargo-config'
import { describeDefinition, locationOf, type ConfigValue, type Definition } from '../../config/config-value'
import type { ProfileLayer, ProfileWarning } from './profile-layer'
import { renderKey, type LayerSource, type RawEntry, type RawValue } from './layer-source'
import { readLayer } from './read-layer'
import { validateLayer } from './validate-layer'

/** cargo's `get_cv_with_env`: an environment value is a boolean or an integer when it reads as one. */
function envRaw(text: string): RawValue {
  if (text === 'true' || text === 'false') return { type: 'boolean', value: text === 'true' }
  if (/^[+-]?\d+$/.test(text)) {
    const n = BigInt(text)
    if (n >= -(2n ** 63n) && n < 2n ** 63n) return { type: 'integer', value: n }
  }
  return { type: 'string', value: text }
}

function fileRaw(v: ConfigValue): RawValue {
  switch (v.type) {
    case 'string':
    case 'integer':
    case 'boolean':
      return { type: v.type, value: v.value } as RawValue
    case 'list':
      return { type: 'list' }
    case 'table':
      return { type: 'table' }
  }
}

interface Place {
  readonly config: CargoConfig
  readonly warnings: ProfileWarning[]
}

/** A table at `path` whose variables start with `prefix_`; undefined when neither exists. */
function tableSource(
  place: Place,
  path: readonly string[],
  prefix: string,
  where: string
): LayerSource | undefined {
  const { config } = place
  const file = config.fileValue(path)
  if (file !== undefined && file.type !== 'table') throw config.expected(path, 'a table', file)
  const hasEnv = Object.keys(config.env).some(
    (k) => k.startsWith(`${prefix}_`) && config.env[k] !== undefined
  )
  if (file === undefined && !hasEnv) return undefined
  const entries = file?.entries ?? new Map<string, ConfigValue>()
  const def: Definition = file?.def ?? { type: 'env', name: prefix }
  const isPackages = path[path.length - 1] === 'package' && path.length === 3
  return {
    where,
    def,
    code: 'invalid-input',
    keys: () => [...entries.keys()],
    value: (key): RawEntry | undefined => {
      const fromFile = entries.get(key)
      const name = `${prefix}_${isPackages ? key : key.replaceAll('-', '_').toUpperCase()}`
      const fromEnv =
        isPackages || key === 'package' || key === 'build-override' ? undefined : config.env[name]
      if (fromEnv !== undefined && fromFile?.type !== 'list')
        return { raw: envRaw(fromEnv), def: { type: 'env', name } }
      return fromFile && { raw: fileRaw(fromFile), def: fromFile.def }
    },
    table: (key) => {
      const childPrefix = `${prefix}_${isPackages ? key : key.replaceAll('-', '_').toUpperCase()}`
      return tableSource(place, [...path, key], childPrefix, `${where}.${renderKey(key)}`)
    },
    unknownKey: (key) => {
      const at = entries.get(key)?.def ?? def
      place.warnings.push({
        message: `unused config key \`${where}.${key}\` in \`${describeDefinition(at)}\``,
        ...locationOf(at)
      })
    }
  }
}

/**
 * The configuration's `profile.NAME`, validated as cargo validates a config profile; undefined
 * when neither a file nor the environment defines it. Warnings are appended to `warnings`.
 */
export function configProfile(
  config: CargoConfig,
  name: string,
  warnings: ProfileWarning[]
): ProfileLayer | undefined {
  const path = ['profile', name]
  const source = tableSource({ config, warnings }, path, envKey(path), `profile.${renderKey(name)}`)
  if (!source) return undefined
  const layer = readLayer(source)
  warnings.push(...validateLayer(layer, name, 'invalid-input'))
  return layer
}

/**
 * Reading one profile table into a `ProfileLayer` with cargo's type rules. The table comes
 * through a `LayerSource`, so Cargo.toml and `.cargo/config.toml` (with its `CARGO_PROFILE_*`
 * variables) are read by the same code and fail with the same words.
 */
import type { Definition } from '../../config/config-value'
import { parsePackageIdSpec } from '../../tree/package-id-spec'
import type { LayerSource } from './layer-source'
import type { PackageOverride, ProfileLayer, Setting } from './profile-layer'
import {
  bool,
  debug,
  describeRaw,
  fail,
  optLevel,
  string,
  stringOrBool,
  u32,
  type Parser
} from './setting-parsers'

/** Every key cargo 1.95's `TomlProfile` has. */
export const PROFILE_TABLE_KEYS: ReadonlySet<string> = new Set([
  'opt-level',
  'lto',
  'codegen-backend',
  'codegen-units',
  'debug',
  'split-debuginfo',
  'debug-assertions',
  'rpath',
  'panic',
  'overflow-checks',
  'incremental',
  'dir-name',
  'inherits',
  'strip',
  'rustflags',
  'package',
  'build-override',
  'trim-paths',
  'hint-mostly-unused'
])

const UNSTABLE_KEYS = ['rustflags', 'trim-paths', 'codegen-backend'] as const

function setting<T>(source: LayerSource, key: string, parse: Parser<T>): Setting<T> | undefined {
  const e = source.value(key)
  return e === undefined ? undefined : { value: parse(e, source, key), def: e.def }
}

function subtable(source: LayerSource, key: string): LayerSource | undefined {
  const e = source.value(key)
  if (e !== undefined && e.raw.type !== 'table')
    throw fail(
      source,
      key,
      e,
      `invalid type: ${describeRaw(e.raw)}, expected a table`,
      `Make \`${key}\` a table.`
    )
  return source.table(key)
}

function packageOverrides(source: LayerSource): Map<string, PackageOverride> | undefined {
  const table = subtable(source, 'package')
  if (!table) return undefined
  const out = new Map<string, PackageOverride>()
  for (const key of table.keys()) {
    const e = table.value(key)!
    let spec: PackageOverride['spec']
    try {
      spec = key === '*' ? '*' : parsePackageIdSpec(key)
    } catch (err) {
      throw fail(
        table,
        key,
        e,
        (err as Error).message,
        'Name a package (`serde`), a version of it (`serde@1.0.200`), or `"*"` for every dependency.'
      )
    }
    const layerSource = subtable(table, key)
    if (layerSource) out.set(key, { spec, layer: readLayer(layerSource) })
  }
  return out
}

/** The table read with cargo's types; unknown keys are reported through the source. */
export function readLayer(source: LayerSource): ProfileLayer {
  for (const key of source.keys()) if (!PROFILE_TABLE_KEYS.has(key)) source.unknownKey(key)
  const unstable = new Map<string, Definition>()
  for (const key of UNSTABLE_KEYS) {
    const e = source.value(key)
    if (e) unstable.set(key, e.def)
  }
  const buildOverride = subtable(source, 'build-override')
  const layer: Record<string, unknown> = {
    def: source.def,
    optLevel: setting(source, 'opt-level', optLevel),
    lto: setting(source, 'lto', stringOrBool),
    codegenUnits: setting(source, 'codegen-units', u32),
    debug: setting(source, 'debug', debug),
    splitDebuginfo: setting(source, 'split-debuginfo', string),
    debugAssertions: setting(source, 'debug-assertions', bool),
    rpath: setting(source, 'rpath', bool),
    panic: setting(source, 'panic', string),
    overflowChecks: setting(source, 'overflow-checks', bool),
    incremental: setting(source, 'incremental', bool),
    inherits: setting(source, 'inherits', string),
    dirName: setting(source, 'dir-name', string),
    strip: setting(source, 'strip', stringOrBool),
    hintMostlyUnused: setting(source, 'hint-mostly-unused', bool),
    unstable: unstable.size ? unstable : undefined,
    package: packageOverrides(source),
    buildOverride: buildOverride ? readLayer(buildOverride) : undefined
  }
  for (const key of Object.keys(layer)) if (layer[key] === undefined) delete layer[key]
  return layer as unknown as ProfileLayer
}

/**
 * The root manifest's `[profile.*]` tables as layers, with every setting's line. `readManifestProfiles`
 * works on the manifest reader's `TableReader` (so `normalize.ts` can adopt it and the Manifest
 * model carry full profiles); `manifestProfilesFromText` and `loadManifestProfiles` read them on
 * their own meanwhile; `manifestProfilesFromDecls` adapts today's lossy `ProfileDecl` record.
 */
import type { ManifestWarning } from '@shared/models/package'
import type { Definition } from '../../config/config-value'
import { EngineError } from '../../errors'
import { decodeTomlBytes } from '../../manifest/decode'
import { KeyLocator } from '../../manifest/locate'
import type { ProfileDecl } from '../../manifest/model'
import { parseToml, type TomlValue } from '../../manifest/parse-toml'
import { readManifestBytes } from '../../manifest/read-manifest'
import { isTable, renderPath, TableReader } from '../../manifest/table-reader'
import type { ProfileLayer, ProfileTables, Setting } from './profile-layer'
import { profileNameProblem } from './profile-names'
import { renderKey, type LayerSource, type RawValue } from './layer-source'
import { readLayer } from './read-layer'
import { validateLayer } from './validate-layer'

function rawOf(v: TomlValue): RawValue {
  if (typeof v === 'string') return { type: 'string', value: v }
  if (typeof v === 'boolean') return { type: 'boolean', value: v }
  if (typeof v === 'bigint') return { type: 'integer', value: v }
  if (typeof v === 'number')
    return Number.isInteger(v) ? { type: 'integer', value: BigInt(v) } : { type: 'float', value: v }
  if (Array.isArray(v)) return { type: 'list' }
  if (isTable(v)) return { type: 'table' }
  return { type: 'datetime' }
}

function tomlSource(reader: TableReader, where: string): LayerSource {
  const file = reader.ctx.file
  const defAt = (key?: string): Definition => {
    const line = reader.lineOf(key)
    return line === undefined ? { type: 'file', file } : { type: 'file', file, line }
  }
  return {
    where,
    def: defAt(),
    code: 'manifest-invalid',
    keys: () => reader.keys(),
    value: (key) => {
      const r = reader.raw(key)
      return r === undefined ? undefined : { raw: rawOf(r.value), def: defAt(key) }
    },
    table: (key) => {
      const sub = reader.subtable(key)
      return sub && tomlSource(sub, `${where}.${renderKey(key)}`)
    },
    unknownKey: (key) => reader.warn(key, `unused manifest key: ${renderPath([...reader.path, key])}`)
  }
}

/**
 * `[profile.*]` of a manifest read through `root`: names checked, every table typed and validated
 * as cargo does when it loads the manifest. Warnings go to the reader's warning list.
 */
export function readManifestProfiles(root: TableReader): ProfileTables {
  const profiles = new Map<string, ProfileLayer>()
  const table = root.subtable('profile')
  if (!table) return profiles
  for (const name of table.keys()) {
    const problem = profileNameProblem(name)
    if (problem) throw table.error(name, problem.message, problem.hint)
    const sub = table.subtable(name)
    if (!sub) continue
    const layer = readLayer(tomlSource(sub, `profile.${renderKey(name)}`))
    for (const w of validateLayer(layer, name, 'manifest-invalid'))
      root.ctx.warnings.push({ ...w, file: root.ctx.file })
    profiles.set(name, layer)
  }
  return profiles
}

export interface ManifestProfiles {
  readonly profiles: ProfileTables
  readonly warnings: readonly ManifestWarning[]
}

/** The profiles of manifest text already in memory (only `[profile]` is looked at). */
export function manifestProfilesFromText(text: string, file: string): ManifestProfiles {
  const warnings: ManifestWarning[] = []
  const root = new TableReader({ file, locator: new KeyLocator(text), warnings }, parseToml(text, file), [])
  return { profiles: readManifestProfiles(root), warnings }
}

/** Reads the manifest at `file` for its profiles. */
export async function loadManifestProfiles(file: string): Promise<ManifestProfiles> {
  return manifestProfilesFromText(decodeTomlBytes(await readManifestBytes(file), file).text, file)
}

const DEBUG_BY_AMOUNT = ['none', 'limited', 'full'] as const

/**
 * Today's `Manifest.profiles` as layers. The record lost what the layers keep (lines, package
 * and build-override tables, rpath, split-debuginfo, `line-tables-only` versus `limited`), so
 * prefer `readManifestProfiles`; this keeps existing callers working.
 */
export function manifestProfilesFromDecls(
  decls: Readonly<Record<string, ProfileDecl>>,
  file: string
): ProfileTables {
  const def: Definition = { type: 'file', file }
  const at = <T>(value: T | undefined): Setting<T> | undefined =>
    value === undefined ? undefined : { value, def }
  // The record keeps `lto = true` and `lto = "true"` alike as the text "true": take it as the boolean.
  const boolish = (v: string | undefined): Setting<boolean | string> | undefined =>
    at(v === 'true' ? true : v === 'false' ? false : v)
  const profiles = new Map<string, ProfileLayer>()
  for (const [name, d] of Object.entries(decls)) {
    const problem = profileNameProblem(name)
    if (problem) throw new EngineError('manifest-invalid', problem.message, { file, hint: problem.hint })
    const fields: Record<string, unknown> = {
      def,
      optLevel: at(d.optLevel),
      debug: at(d.debug === undefined ? undefined : DEBUG_BY_AMOUNT[d.debug]),
      debugAssertions: at(d.debugAssertions),
      overflowChecks: at(d.overflowChecks),
      incremental: at(d.incremental),
      codegenUnits: at(d.codegenUnits),
      panic: at(d.panic),
      lto: boolish(d.lto),
      strip: boolish(d.strip),
      inherits: at(d.inherits)
    }
    for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key]
    const layer = fields as unknown as ProfileLayer
    validateLayer(layer, name, 'manifest-invalid')
    profiles.set(name, layer)
  }
  return profiles
}

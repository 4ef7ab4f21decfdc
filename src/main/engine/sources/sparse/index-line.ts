/**
 * One line of an index file (one published version) as a `Summary`. Lines this code cannot use
 * are skipped rather than failing the whole package, the way cargo stays compatible with
 * registries newer than itself: a schema version (`v`) above the one understood, and lines
 * that do not parse, are left out. Yanked versions are kept and marked; the resolver decides.
 */
import { parseVersion } from '@shared/rules/semver'
import type { SourceId } from '../source-id'
import type { DepKind, Summary, SummaryDep } from '../summary'
import { sourceIdOfRegistryUrl } from './registry-url'

/** The highest `v` understood: 2 added `features2` (namespaced and weak features). */
export const INDEX_SCHEMA_MAX = 2

export type IndexLine =
  | { readonly kind: 'summary'; readonly summary: Summary }
  | { readonly kind: 'skipped'; readonly reason: string }

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string')

function optionalString(obj: Json, key: string): string | undefined {
  const v = obj[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string') throw new Error(`\`${key}\` is not a string`)
  return v
}

function featureMap(value: unknown, key: string): Record<string, string[]> {
  if (value === undefined || value === null) return {}
  if (!isObject(value)) throw new Error(`\`${key}\` is not a table`)
  const out: Record<string, string[]> = {}
  for (const [name, list] of Object.entries(value)) {
    if (!isStringArray(list)) throw new Error(`feature \`${name}\` is not a list of strings`)
    out[name] = list
  }
  return out
}

/** `features2` extends `features` entry by entry, as cargo merges them. */
function mergedFeatures(line: Json): Record<string, readonly string[]> {
  const merged = featureMap(line.features, 'features')
  for (const [name, values] of Object.entries(featureMap(line.features2, 'features2')))
    merged[name] = [...(merged[name] ?? []), ...values]
  return merged
}

function depKind(value: string | undefined): DepKind {
  return value === 'dev' ? 'dev' : value === 'build' ? 'build' : 'normal'
}

function dependency(raw: unknown, registry: SourceId): SummaryDep {
  if (!isObject(raw)) throw new Error('a dependency is not a table')
  const name = optionalString(raw, 'name')
  const req = optionalString(raw, 'req')
  if (name === undefined || req === undefined) throw new Error('a dependency lacks `name` or `req`')
  const features = raw.features ?? []
  if (!isStringArray(features)) throw new Error(`the features of \`${name}\` are not strings`)
  const target = optionalString(raw, 'target')
  const other = optionalString(raw, 'registry')
  return {
    // In the index a renamed dependency has `name` = the new name and `package` = the real one.
    name,
    packageName: optionalString(raw, 'package') ?? name,
    req,
    kind: depKind(optionalString(raw, 'kind')),
    optional: raw.optional === true,
    defaultFeatures: raw.default_features !== false,
    // Old registries published `""` as a feature; cargo drops it.
    features: features.filter((f) => f !== ''),
    ...(target !== undefined ? { target } : {}),
    source: other !== undefined ? sourceIdOfRegistryUrl(other) : registry
  }
}

function summaryOf(line: Json, source: SourceId): Summary {
  const name = optionalString(line, 'name')
  const version = optionalString(line, 'vers')
  if (name === undefined || version === undefined) throw new Error('`name` or `vers` is missing')
  if (!parseVersion(version)) throw new Error(`\`${version}\` is not a version`)
  const checksum = optionalString(line, 'cksum')
  if (checksum === undefined) throw new Error('`cksum` is missing')
  if (!Array.isArray(line.deps)) throw new Error('`deps` is not a list')
  const links = optionalString(line, 'links')
  const rustVersion = optionalString(line, 'rust_version')
  return {
    name,
    version,
    source,
    deps: line.deps.map((d) => dependency(d, source)),
    features: mergedFeatures(line),
    checksum,
    yanked: line.yanked === true,
    ...(links !== undefined ? { links } : {}),
    ...(rustVersion !== undefined ? { rustVersion } : {})
  }
}

/** Parses one line; `source` is the registry the line belongs to (and its same-registry deps). */
export function parseIndexLine(text: string, source: SourceId): IndexLine {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { kind: 'skipped', reason: 'not valid JSON' }
  }
  if (!isObject(raw)) return { kind: 'skipped', reason: 'not a JSON object' }
  const v = raw.v ?? 1
  if (typeof v !== 'number' || !Number.isInteger(v)) return { kind: 'skipped', reason: '`v` is not a number' }
  if (v > INDEX_SCHEMA_MAX)
    return { kind: 'skipped', reason: `index schema version ${v} is newer than ${INDEX_SCHEMA_MAX}` }
  try {
    return { kind: 'summary', summary: summaryOf(raw, source) }
  } catch (e) {
    return { kind: 'skipped', reason: (e as Error).message }
  }
}

/**
 * Every usable version of `name` in an index file. Only lines naming exactly `name` count (a
 * file also answers for other capitalizations); a version listed twice keeps its last line.
 */
export function parseIndexFile(text: string, name: string, source: SourceId): Summary[] {
  const byVersion = new Map<string, Summary>()
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    const parsed = parseIndexLine(line, source)
    if (parsed.kind === 'summary' && parsed.summary.name === name)
      byVersion.set(parsed.summary.version, parsed.summary)
  }
  return [...byVersion.values()]
}

/**
 * The merged cargo configuration and cargo's rules for reading one key: the file value, with
 * the matching `CARGO_*` environment variable on top (it wins for plain values and is appended,
 * split at whitespace, to arrays). Keys are looked up on demand, as cargo does, which is why an
 * environment variable can override a key but cannot invent a new `[source.NAME]` table.
 * The typed accessors issue 4 needs live beside this file (net, build, registries, sources).
 */
import { resolve } from 'node:path'
import type { ManifestWarning } from '@shared/models/package'
import { EngineError } from '../errors'
import type { ConfigEnv } from './cargo-home'
import {
  definitionRoot,
  describeDefinition,
  describeKind,
  locationOf,
  type ConfigTable,
  type ConfigValue,
  type Definition
} from './config-value'

export interface Located<T> {
  readonly value: T
  readonly def: Definition
}

/**
 * `CARGO_` + the key's parts upper-cased with `-` → `_` (`net.git-fetch-with-cli` →
 * `CARGO_NET_GIT_FETCH_WITH_CLI`). Parts at `verbatim` indexes are table names cargo keeps as
 * written (`[source.my-vendor]` → `CARGO_SOURCE_my-vendor_DIRECTORY`).
 */
export function envKey(path: readonly string[], verbatim: ReadonlySet<number> = new Set()): string {
  return ['CARGO', ...path.map((p, i) => (verbatim.has(i) ? p : p.replaceAll('-', '_').toUpperCase()))].join(
    '_'
  )
}

export class CargoConfig {
  constructor(
    /** The merged files (no environment). */
    readonly table: ConfigTable,
    readonly env: ConfigEnv,
    /** Relative paths from the environment resolve against it; the file search starts in it. */
    readonly cwd: string,
    readonly cargoHome: string,
    /** The files read, deepest first. */
    readonly files: readonly string[],
    readonly warnings: ManifestWarning[] = []
  ) {}

  /** The value in the files at `path`; undefined when absent. A plain value in the way is an error. */
  fileValue(path: readonly string[]): ConfigValue | undefined {
    let current: ConfigValue = this.table
    for (let i = 0; i < path.length; i++) {
      if (current.type !== 'table') {
        const key = path.slice(0, i).join('.')
        throw new EngineError(
          'invalid-input',
          `Expected a table for the configuration key \`${key}\`, but found ${describeKind(current)} in ${describeDefinition(current.def)}.`,
          { ...locationOf(current.def), hint: `Make \`${key}\` a table.` }
        )
      }
      const next = current.entries.get(path[i] ?? '')
      if (!next) return undefined
      current = next
    }
    return current
  }

  /** The file value with the environment applied, before any type check. */
  value(path: readonly string[], env: string = envKey(path)): ConfigValue | undefined {
    const file = this.fileValue(path)
    const fromEnv = this.env[env]
    if (fromEnv === undefined) return file
    const def: Definition = { type: 'env', name: env }
    if (file?.type === 'list') {
      const extra = fromEnv.split(/\s+/).filter((s) => s !== '')
      return {
        ...file,
        items: [...file.items, ...extra.map((value) => ({ type: 'string' as const, value, def }))]
      }
    }
    return { type: 'string', value: fromEnv, def }
  }

  /** Names of the sub-tables at `path` (`[source.*]`, `[registries.*]`); only files define them. */
  tableKeys(path: readonly string[]): string[] {
    const v = this.fileValue(path)
    if (v === undefined) return []
    if (v.type !== 'table') throw this.expected(path, 'a table', v)
    return [...v.entries.keys()]
  }

  string(path: readonly string[], env?: string): Located<string> | undefined {
    const v = this.value(path, env)
    if (v === undefined) return undefined
    if (v.type !== 'string') throw this.expected(path, 'a string', v)
    return { value: v.value, def: v.def }
  }

  bool(path: readonly string[], env?: string): Located<boolean> | undefined {
    const v = this.value(path, env)
    if (v === undefined) return undefined
    if (v.type === 'boolean') return { value: v.value, def: v.def }
    if (v.type === 'string' && v.def.type === 'env') {
      if (v.value === 'true' || v.value === 'false') return { value: v.value === 'true', def: v.def }
      throw new EngineError(
        'invalid-input',
        `The environment variable \`${v.def.name}\` must be \`true\` or \`false\`, but it is \`${v.value}\`.`,
        { hint: `Set ${v.def.name}=true or ${v.def.name}=false, or unset it.` }
      )
    }
    throw this.expected(path, 'a boolean (true or false)', v)
  }

  /** A string or an array of strings (cargo's untagged `One`/`Many` values, like `build.target`). */
  stringOrList(path: readonly string[], env?: string): Located<readonly Located<string>[]> | undefined {
    const v = this.value(path, env)
    if (v === undefined) return undefined
    if (v.type === 'string') return { value: [{ value: v.value, def: v.def }], def: v.def }
    if (v.type !== 'list') throw this.expected(path, 'a string or an array of strings', v)
    const items = v.items.map((item) => {
      if (item.type !== 'string') throw this.expected(path, 'an array of strings', v)
      return { value: item.value, def: item.def }
    })
    return { value: items, def: v.def }
  }

  /** A path value made absolute against its definition's root (cargo's `ConfigRelativePath`). */
  path(path: readonly string[], env?: string): (Located<string> & { readonly raw: string }) | undefined {
    const s = this.string(path, env)
    if (s === undefined) return undefined
    return { value: resolve(definitionRoot(s.def, this.cwd), s.value), raw: s.value, def: s.def }
  }

  /** The error cargo gives for a value of the wrong kind, pointing at its file and line. */
  expected(path: readonly string[], what: string, v: ConfigValue): EngineError {
    const key = path.join('.')
    return new EngineError(
      'invalid-input',
      `\`${key}\` in ${describeDefinition(v.def)} must be ${what}, but it is ${describeKind(v)}.`,
      { ...locationOf(v.def), hint: `Change \`${key}\` to ${what}.` }
    )
  }
}

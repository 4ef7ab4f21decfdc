/**
 * Typed, located access to one table of a parsed TOML document. Every wrong type becomes an
 * EngineError naming the key, the file and the line; keys nobody asked for are reported as
 * cargo's "unused manifest key" warnings.
 */
import type { ManifestWarning } from '@shared/models/package'
import { EngineError } from '../errors'
import type { KeyLocator, KeyPath } from './locate'
import type { TomlObject, TomlValue } from './parse-toml'

export interface ReadContext {
  readonly file: string
  readonly locator: KeyLocator
  readonly warnings: ManifestWarning[]
}

export function isTable(v: unknown): v is TomlObject {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && typeof v !== 'bigint'
  )
}

export function describeType(v: unknown): string {
  if (Array.isArray(v)) return 'an array'
  if (isTable(v)) return 'a table'
  if (typeof v === 'bigint' || typeof v === 'number')
    return Number.isInteger(Number(v)) ? 'an integer' : 'a float'
  if (typeof v === 'boolean') return 'a boolean'
  if (typeof v === 'string') return 'a string'
  return 'a date-time'
}

/** Renders a key path the way cargo does: `package.name`, `bin[1].path`. */
export function renderPath(path: KeyPath): string {
  return path
    .map((p, i) =>
      typeof p === 'number'
        ? `[${p}]`
        : /^[A-Za-z0-9_-]+$/.test(p)
          ? i
            ? `.${p}`
            : p
          : `${i ? '.' : ''}"${p}"`
    )
    .join('')
}

export class TableReader {
  private readonly used = new Set<string>()

  constructor(
    readonly ctx: ReadContext,
    readonly table: TomlObject,
    readonly path: KeyPath
  ) {}

  /** The value of the first of `keys` present; the others are aliases (`crate-type`/`crate_type`). */
  raw(...keys: string[]): { key: string; value: TomlValue } | undefined {
    for (const key of keys) {
      if (Object.hasOwn(this.table, key)) {
        this.used.add(key)
        return { key, value: this.table[key] as TomlValue }
      }
    }
    return undefined
  }

  has(...keys: string[]): boolean {
    return keys.some((k) => Object.hasOwn(this.table, k))
  }

  keys(): string[] {
    return Object.keys(this.table)
  }

  lineOf(key?: string | number): number | undefined {
    return this.ctx.locator.lineOf(key === undefined ? this.path : [...this.path, key])
  }

  error(key: string | number | undefined, message: string, hint?: string): EngineError {
    const line = this.lineOf(key)
    return new EngineError('manifest-invalid', message, {
      file: this.ctx.file,
      ...(line ? { line } : {}),
      ...(hint ? { hint } : {})
    })
  }

  warn(key: string | number | undefined, message: string): void {
    const line = this.lineOf(key)
    this.ctx.warnings.push({ message, file: this.ctx.file, ...(line ? { line } : {}) })
  }

  private typeError(key: string, expected: string, value: unknown): EngineError {
    const where = renderPath([...this.path, key])
    return this.error(key, `\`${where}\` must be ${expected}, but it is ${describeType(value)}.`)
  }

  string(...keys: string[]): string | undefined {
    const r = this.raw(...keys)
    if (!r) return undefined
    if (typeof r.value !== 'string') throw this.typeError(r.key, 'a string', r.value)
    return r.value
  }

  bool(...keys: string[]): boolean | undefined {
    const r = this.raw(...keys)
    if (!r) return undefined
    if (typeof r.value !== 'boolean') throw this.typeError(r.key, 'a boolean (true or false)', r.value)
    return r.value
  }

  integer(...keys: string[]): number | undefined {
    const r = this.raw(...keys)
    if (!r) return undefined
    const v = r.value
    if ((typeof v !== 'number' || !Number.isInteger(v)) && typeof v !== 'bigint')
      throw this.typeError(r.key, 'an integer', v)
    const n = Number(v)
    if (!Number.isSafeInteger(n))
      throw this.error(r.key, `\`${renderPath([...this.path, r.key])}\` is out of range.`)
    return n
  }

  stringArray(...keys: string[]): string[] | undefined {
    const r = this.raw(...keys)
    if (!r) return undefined
    if (!Array.isArray(r.value) || r.value.some((x) => typeof x !== 'string'))
      throw this.typeError(r.key, 'an array of strings', r.value)
    return r.value as string[]
  }

  subtable(...keys: string[]): TableReader | undefined {
    const r = this.raw(...keys)
    if (!r) return undefined
    if (!isTable(r.value)) throw this.typeError(r.key, 'a table', r.value)
    return new TableReader(this.ctx, r.value, [...this.path, r.key])
  }

  /** `[[bin]]` style arrays of tables. */
  tableArray(key: string): TableReader[] {
    const r = this.raw(key)
    if (!r) return []
    if (!Array.isArray(r.value) || !r.value.every(isTable))
      throw this.typeError(r.key, 'an array of tables', r.value)
    return r.value.map((t, i) => new TableReader(this.ctx, t as TomlObject, [...this.path, key, i]))
  }

  /** Warns about keys this table does not know, as cargo's "unused manifest key". */
  warnUnused(known: ReadonlySet<string>): void {
    for (const key of Object.keys(this.table)) {
      if (!this.used.has(key) && !known.has(key))
        this.warn(key, `unused manifest key: ${renderPath([...this.path, key])}`)
    }
  }
}

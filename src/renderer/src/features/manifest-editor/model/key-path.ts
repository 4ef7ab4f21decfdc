/**
 * Reading the analysed document by key path, the way the forms address values and the way the
 * engine addresses problems (`['package', 'version']`, `['bin', 2, 'name']`).
 */
import type {
  KeyPath,
  ManifestProblem,
  ManifestView,
  TomlJson,
  TomlTable
} from '@shared/models/manifest-edit'

/** The key `ManifestView.lines` uses for a path. */
export function pathKey(path: KeyPath): string {
  return JSON.stringify(path)
}

export function isTable(value: TomlJson | undefined): value is TomlTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isStringArray(value: TomlJson | undefined): value is readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
}

/** The value at `path`, or undefined when any step is missing or of the wrong shape. */
export function valueAt(root: TomlJson | undefined, path: KeyPath): TomlJson | undefined {
  let current: TomlJson | undefined = root
  for (const step of path) {
    if (current === undefined) return undefined
    if (typeof step === 'number') {
      if (!Array.isArray(current)) return undefined
      current = (current as readonly TomlJson[])[step]
    } else {
      if (!isTable(current) || !Object.hasOwn(current, step)) return undefined
      current = current[step]
    }
  }
  return current
}

/** `x.workspace = true`: the value comes from `[workspace.package]` / `[workspace.dependencies]`. */
export function isInherited(value: TomlJson | undefined): boolean {
  return isTable(value) && value['workspace'] === true
}

export function startsWith(path: KeyPath, prefix: KeyPath): boolean {
  return prefix.length <= path.length && prefix.every((step, i) => path[i] === step)
}

export function samePath(a: KeyPath, b: KeyPath): boolean {
  return a.length === b.length && startsWith(a, b)
}

/** Structural equality for TOML values (key order ignored), so a no-op change sends no edit. */
export function sameValue(a: TomlJson | undefined, b: TomlJson | undefined): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined) return false
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    const bs = b as readonly TomlJson[]
    return (a as readonly TomlJson[]).every((v, i) => sameValue(v, bs[i]))
  }
  if (isTable(a) && isTable(b)) {
    const keys = Object.keys(a)
    return (
      keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k]))
    )
  }
  return false
}

/** The problems that belong to a field: those at its path or inside it (`['features', 'x', 2]`). */
export function problemsWithin(
  problems: readonly ManifestProblem[],
  path: KeyPath
): readonly ManifestProblem[] {
  return problems.filter((p) => startsWith(p.path, path))
}

/** Where a key is written: its own line, else the nearest enclosing table's. */
export function lineOf(view: ManifestView | undefined, path: KeyPath): number | undefined {
  if (!view) return undefined
  for (let n = path.length; n > 0; n--) {
    const line = view.lines[pathKey(path.slice(0, n))]
    if (line !== undefined) return line
  }
  return undefined
}

/** A problem's line: its own, else where its key is written. */
export function problemLine(view: ManifestView | undefined, problem: ManifestProblem): number | undefined {
  return problem.line ?? lineOf(view, problem.path)
}

/** `package.version`, `bin[2].name`, `target.'cfg(unix)'.dependencies`: a path as a person reads it. */
export function describePath(path: KeyPath): string {
  let out = ''
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`
    else {
      const bare = /^[A-Za-z0-9_-]+$/.test(step)
      const quoted = step.includes("'") ? JSON.stringify(step) : `'${step}'`
      out += `${out === '' ? '' : '.'}${bare ? step : quoted}`
    }
  }
  return out
}

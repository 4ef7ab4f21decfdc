/**
 * Path helpers for the renderer, which may not import node:path. Paths come from main and may
 * be POSIX (`/home/me`) or Windows (`C:\Users\me`); we keep whichever separator they use.
 */

/** The separator a path already uses: `\` for drive paths without any `/`, else `/`. */
export function separatorOf(path: string): '/' | '\\' {
  if (/^[A-Za-z]:\\/.test(path) || (path.includes('\\') && !path.includes('/'))) return '\\'
  return '/'
}

/** True for `/x` and `C:\x` / `C:/x`, the forms the IPC contract accepts. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)
}

/** Removes trailing separators, but keeps a root (`/`, `C:\`) intact. */
export function trimTrailingSeparators(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '')
  if (trimmed === '') return path.startsWith('/') ? '/' : path
  if (/^[A-Za-z]:$/.test(trimmed)) return `${trimmed}${separatorOf(path)}`
  return trimmed
}

/** Joins a parent directory and one child name with the parent's own separator. */
export function joinPath(parent: string, child: string): string {
  const base = trimTrailingSeparators(parent)
  const sep = separatorOf(parent)
  return base.endsWith('/') || base.endsWith('\\') ? `${base}${child}` : `${base}${sep}${child}`
}

/** Joins a package-relative path (always `/`-separated) onto a directory. */
export function resolveRelative(dir: string, relative: string): string {
  const rel = relative.replace(/^\.\//, '')
  return joinPath(dir, separatorOf(dir) === '\\' ? rel.replaceAll('/', '\\') : rel)
}

/** The last path component, for labels. */
export function baseName(path: string): string {
  const parts = trimTrailingSeparators(path).split(/[\\/]/)
  return parts[parts.length - 1] || path
}

/** `path` relative to `root` when it lies below it (`.` for the root itself), else `path` unchanged. */
export function relativeTo(root: string, path: string): string {
  const base = trimTrailingSeparators(root)
  if (trimTrailingSeparators(path) === base) return '.'
  const sep = separatorOf(root)
  return path.startsWith(`${base}${sep}`) ? path.slice(base.length + 1) : path
}

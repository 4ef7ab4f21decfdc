/**
 * Which files "open in editor" may hand to the operating system. The OS opens a file with its
 * default application, and for scripts, shortcuts and programs that application runs them; so
 * only source and text types a package holds are allowed, never anything executable.
 */
import { extname } from 'node:path'

/**
 * Lower-case, so `.S` (assembly for the C preprocessor) and `.RS` match too. No `.py`, `.sh`,
 * `.bat`, `.ps1`, `.js`, `.desktop`, `.command`…: a double click on those runs them somewhere.
 */
const SOURCE_EXTENSIONS = new Set([
  '.rs',
  '.toml',
  '.md',
  '.txt',
  '.json',
  '.yml',
  '.yaml',
  '.lock',
  '.c',
  '.h',
  '.cc',
  '.cpp',
  '.hpp',
  '.s',
  '.ld'
])

/** Extension-less files packages commonly carry. */
const SOURCE_NAMES = new Set([
  'Makefile',
  'makefile',
  'GNUmakefile',
  'LICENSE',
  'COPYING',
  'README',
  'Cargo.lock'
])

/** `name` is a file's base name, after symlinks are resolved (the name the OS will see). */
export function isOpenableSourceName(name: string): boolean {
  if (SOURCE_NAMES.has(name)) return true
  const ext = extname(name)
  return ext !== '' && SOURCE_EXTENSIONS.has(ext.toLowerCase())
}

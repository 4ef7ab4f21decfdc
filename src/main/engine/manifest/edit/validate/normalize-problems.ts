/**
 * The reader's own checks (types, unused-key warnings, deprecated spellings), reused: the
 * normalizer runs with a warning sink of ours, and the first error it throws becomes a problem.
 */
import type { KeyPath, ManifestProblem } from '@shared/models/manifest-edit'
import type { ManifestWarning } from '@shared/models/package'
import { isEngineError } from '../../../errors'
import { KeyLocator } from '../../locate'
import { inheritFromWorkspace } from '../../inherit-workspace'
import { normalizeManifest } from '../../normalize'
import { findWorkspaceRoot } from '../../workspace-root'
import type { TomlObject } from '../../parse-toml'
import { renderPath } from '../../table-reader'

/** The key paths defined on each line. */
function pathsByLine(lines: Readonly<Record<string, number>>): Map<number, KeyPath[]> {
  const byLine = new Map<number, KeyPath[]>()
  for (const [id, line] of Object.entries(lines))
    byLine.set(line, [...(byLine.get(line) ?? []), JSON.parse(id) as KeyPath])
  return byLine
}

/**
 * The path a reader message is about: of the keys on its line, the most specific one the message
 * names (`unused manifest key: dependencies.a.frobnicate`), else the most specific one.
 */
function pathFor(candidates: readonly KeyPath[], message: string): KeyPath {
  const longest = (list: readonly KeyPath[]) =>
    list.reduce<KeyPath>((a, b) => (b.length > a.length ? b : a), [])
  const named = longest(candidates.filter((p) => p.length && message.includes(renderPath(p))))
  return named.length ? named : longest(candidates)
}

export function normalizeProblems(
  doc: TomlObject,
  text: string,
  file: string,
  lines: Readonly<Record<string, number>>
): ManifestProblem[] {
  const warnings: ManifestWarning[] = []
  const problems: ManifestProblem[] = []
  const byLine = pathsByLine(lines)
  const at = (line: number | undefined, message: string) => ({
    path: pathFor((line !== undefined ? byLine.get(line) : undefined) ?? [], message),
    ...(line !== undefined ? { line } : {})
  })
  try {
    const locator = new KeyLocator(text)
    // Inherited values are read from the workspace root above, as the package reader reads them.
    const inherited = inheritFromWorkspace(doc, {
      file,
      locator,
      warnings,
      root: () => findWorkspaceRoot({ file, doc, locator })
    })
    normalizeManifest(inherited, file, locator, warnings)
  } catch (e) {
    if (!isEngineError(e)) throw e
    problems.push({ ...at(e.details.line, e.message), message: e.message, severity: 'error' })
  }
  for (const w of warnings)
    problems.push({ ...at(w.line, w.message), message: w.message, severity: 'warning' })
  return problems
}

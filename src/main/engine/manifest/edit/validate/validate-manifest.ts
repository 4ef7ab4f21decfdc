/**
 * Field problems for the forms: cargo's rules (names, versions, requirements, sources, targets,
 * features) checked without stopping at the first, plus the reader's warnings and errors.
 */
import type { ManifestProblem } from '@shared/models/manifest-edit'
import type { TomlObject } from '../../parse-toml'
import { checkDependencies } from './check-dependencies'
import { checkFeatures } from './check-features'
import { checkPackage } from './check-package'
import { checkTargets } from './check-targets'
import { normalizeProblems } from './normalize-problems'
import { ProblemSink, type Doc } from './problem-sink'

export function validateManifest(
  doc: TomlObject,
  text: string,
  file: string,
  lines: Readonly<Record<string, number>>
): ManifestProblem[] {
  const sink = new ProblemSink(lines)
  const plain = doc as Doc
  checkPackage(sink, plain)
  checkDependencies(sink, plain)
  checkTargets(sink, plain)
  checkFeatures(sink, plain)
  const own = sink.problems
  const virtual = plain.package === undefined && plain.project === undefined && plain.workspace !== undefined
  const reader = virtual ? [] : normalizeProblems(doc, text, file, lines)
  const errorLines = new Set(own.filter((p) => p.severity === 'error').map((p) => p.line))
  const seen = new Set(own.map((p) => `${p.line}\u0000${p.message}`))
  const extra = reader.filter((p) => {
    if (p.severity === 'error' && errorLines.has(p.line)) return false
    const id = `${p.line}\u0000${p.message}`
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
  return [...own, ...extra].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
}

/** Every dependency entry: its version requirement in cargo's syntax, and a single clear source. */
import { checkVersionReq, usesLetterWildcard } from '../../../resolver/version-req'
import { asTable, isInherited, type Doc, type ProblemSink } from './problem-sink'

const KINDS = [
  'dependencies',
  'dev-dependencies',
  'dev_dependencies',
  'build-dependencies',
  'build_dependencies'
]

/** Every dependency table with its key path: `[dependencies]`, `[target.X.dev-dependencies]`, … */
export function dependencyTablesOf(doc: Doc): { path: string[]; table: Doc }[] {
  const out: { path: string[]; table: Doc }[] = []
  for (const kind of KINDS) {
    const t = asTable(doc[kind])
    if (t) out.push({ path: [kind], table: t })
  }
  const targets = asTable(doc.target) ?? {}
  for (const platform of Object.keys(targets)) {
    const p = asTable(targets[platform]) ?? {}
    for (const kind of KINDS) {
      const t = asTable(p[kind])
      if (t) out.push({ path: ['target', platform, kind], table: t })
    }
  }
  return out
}

function checkRequirement(sink: ProblemSink, path: string[], req: string): void {
  const bad = checkVersionReq(req)
  if (bad) sink.error(path, bad)
  else if (usesLetterWildcard(req))
    sink.warning(
      path,
      `\`${req}\` uses \`x\` as a wildcard: cargo accepts it, but \`*\` is the documented spelling (\`${req.replace(/[xX]/g, '*')}\`).`
    )
}

function checkEntry(sink: ProblemSink, path: string[], name: string, value: unknown): void {
  if (typeof value === 'string') return checkRequirement(sink, path, value)
  const dep = asTable(value)
  if (!dep) return sink.error(path, `Dependency \`${name}\` must be a version string or a table.`)
  if (isInherited(dep)) return
  if (typeof dep.version === 'string') checkRequirement(sink, [...path, 'version'], dep.version)
  if (dep.git !== undefined && dep.path !== undefined)
    sink.error(
      [...path, 'git'],
      `Dependency \`${name}\` is ambiguous: only one of \`git\` or \`path\` is allowed.`
    )
  const refs = (['branch', 'tag', 'rev'] as const).filter((r) => dep[r] !== undefined)
  if (refs.length > 1)
    sink.error(
      [...path, refs[1]!],
      `Dependency \`${name}\` is ambiguous: only one of \`branch\`, \`tag\` or \`rev\` is allowed.`
    )
  if (dep.version === undefined && dep.path === undefined && dep.git === undefined)
    sink.error(
      path,
      `Dependency \`${name}\` has no source: give it a \`version\`, a \`path\` or a \`git\` URL.`
    )
}

export function checkDependencies(sink: ProblemSink, doc: Doc): void {
  for (const { path, table } of dependencyTablesOf(doc))
    for (const name of Object.keys(table)) checkEntry(sink, [...path, name], name, table[name])
}

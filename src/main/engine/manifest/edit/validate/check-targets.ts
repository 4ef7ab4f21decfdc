/** Targets: at most one library, every declared target named, names unique per kind. */
import { checkEdition } from './check-package'
import { asTable, type Doc, type ProblemSink } from './problem-sink'

const KINDS = [
  ['bin', 'binary'],
  ['example', 'example'],
  ['test', 'test'],
  ['bench', 'bench']
] as const

export function checkTargets(sink: ProblemSink, doc: Doc): void {
  const lib = doc.lib
  if (Array.isArray(lib) && lib.length > 1)
    sink.error(
      ['lib', 1],
      `A package can have at most one library, but this manifest declares ${lib.length} \`[[lib]]\` sections.`
    )
  const libTable = Array.isArray(lib) ? asTable(lib[0]) : asTable(lib)
  const libPath = Array.isArray(lib) ? ['lib', 0] : ['lib']
  if (libTable) {
    if (typeof libTable.name === 'string' && libTable.name.includes('-'))
      sink.error([...libPath, 'name'], `Library target names cannot contain hyphens: \`${libTable.name}\`.`)
    checkEdition(sink, [...libPath, 'edition'], libTable.edition)
  }
  for (const [key, word] of KINDS) {
    const list = doc[key]
    if (!Array.isArray(list)) continue
    const seen = new Set<string>()
    list.forEach((entry, i) => {
      const t = asTable(entry)
      if (!t) return
      checkEdition(sink, [key, i, 'edition'], t.edition)
      if (typeof t.name !== 'string' || t.name.trim() === '') {
        sink.error([key, i], `A [[${key}]] target has no \`name\`: add \`name = "…"\`.`)
        return
      }
      if (seen.has(t.name))
        sink.error(
          [key, i, 'name'],
          `Found duplicate ${word} name \`${t.name}\`, but all ${word} targets must have a unique name.`
        )
      seen.add(t.name)
    })
  }
}

/**
 * `[features]` with cargo's rules and wording: every value must name a feature, an optional
 * dependency (`x`, `dep:x`), or a dependency's feature (`x/f`, `x?/f` for optional ones), and
 * every optional dependency must be reachable from some feature.
 */
import { parseFeatureValue } from '../feature-gc'
import { dependencyTablesOf } from './check-dependencies'
import { asTable, type Doc, type ProblemSink } from './problem-sink'

const NAME = /^[\p{XID_Start}0-9_][\p{XID_Continue}\-+.]*$/u

export function checkFeatures(sink: ProblemSink, doc: Doc): void {
  const features = asTable(doc.features)
  const optional = new Map<string, boolean>()
  for (const { table } of dependencyTablesOf(doc)) {
    for (const name of Object.keys(table)) {
      const dep = asTable(table[name])
      optional.set(name, (optional.get(name) ?? false) || dep?.optional === true)
    }
  }
  const lists: [string, string[]][] = []
  for (const feature of Object.keys(features ?? {})) {
    const values = features![feature]
    if (!NAME.test(feature))
      sink.error(
        ['features', feature],
        `Invalid feature name \`${feature}\`: use letters, digits, \`_\`, \`-\`, \`+\` and \`.\`, starting with a letter, digit or \`_\`.`
      )
    if (Array.isArray(values) && values.every((v) => typeof v === 'string')) lists.push([feature, values])
  }
  const explicitDeps = new Set(
    lists.flatMap(([, vs]) => vs.filter((v) => v.startsWith('dep:')).map((v) => v.slice(4)))
  )
  const known = new Set(lists.map(([f]) => f))
  // Optional dependencies nobody activates with `dep:` get a feature of their own name.
  for (const [name, opt] of optional) if (opt && !explicitDeps.has(name) && !known.has(name)) known.add(name)
  const used = new Set(
    [...optional]
      .filter(([n, o]) => o && !explicitDeps.has(n) && !lists.some(([f]) => f === n))
      .map(([n]) => n)
  )
  for (const [feature, values] of lists) {
    values.forEach((fv, i) => {
      const path = ['features', feature, i]
      const v = parseFeatureValue(fv)
      const isDep = optional.has(v.name)
      const isOptional = optional.get(v.name) === true
      if (v.type === 'feature') {
        if (known.has(v.name)) return
        if (!isDep)
          sink.error(
            path,
            `Feature \`${feature}\` includes \`${fv}\`, which is neither a dependency nor another feature.`
          )
        else if (isOptional)
          sink.error(
            path,
            `Feature \`${feature}\` includes \`${fv}\`, but \`${v.name}\` is an optional dependency without an implicit feature: use \`dep:${v.name}\` to enable the dependency.`
          )
        else
          sink.error(
            path,
            `Feature \`${feature}\` includes \`${fv}\`, but \`${v.name}\` is not an optional dependency: add \`optional = true\` to its definition.`
          )
        return
      }
      used.add(v.name)
      if (v.type === 'dep') {
        if (!isDep)
          sink.error(
            path,
            `Feature \`${feature}\` includes \`${fv}\`, but \`${v.name}\` is not listed as a dependency.`
          )
        else if (!isOptional)
          sink.error(
            path,
            `Feature \`${feature}\` includes \`${fv}\`, but \`${v.name}\` is not an optional dependency: add \`optional = true\` to its definition.`
          )
        return
      }
      if (v.feature.includes('/'))
        sink.error(
          path,
          `Multiple slashes in feature \`${fv}\` (included by feature \`${feature}\`) are not allowed.`
        )
      else if (v.name.startsWith('dep:'))
        sink.error(
          path,
          `Feature \`${feature}\` includes \`${fv}\` with both \`dep:\` and \`/\`: remove the \`dep:\` prefix.`
        )
      else if (!isDep)
        sink.error(path, `Feature \`${feature}\` includes \`${fv}\`, but \`${v.name}\` is not a dependency.`)
      else if (v.weak && !isOptional)
        sink.error(
          path,
          `Feature \`${feature}\` includes \`${fv}\` with a \`?\`, but \`${v.name}\` is not an optional dependency: remove the \`?\` or make the dependency optional.`
        )
    })
  }
  for (const [name, opt] of optional) {
    if (opt && !used.has(name))
      sink.error(
        dependencyTablesOf(doc)
          .filter((t) => asTable(t.table[name])?.optional === true)
          .map((t) => [...t.path, name])[0] ?? ['features'],
        `Optional dependency \`${name}\` is not included in any feature: add \`dep:${name}\` to one of the features in [features].`
      )
  }
}

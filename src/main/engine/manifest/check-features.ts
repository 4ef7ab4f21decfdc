/**
 * cargo's checks of `[features]` when it reads a manifest: every value names another feature, an
 * optional dependency (`x`, `dep:x`) or a dependency's feature (`x/y`, `x?/y`). A mistake is an
 * error at the feature's line, in cargo's words, before anything is resolved.
 */
import type { Dependency } from './model'
import type { TableReader } from './table-reader'

export function checkFeatures(
  table: TableReader,
  features: Readonly<Record<string, readonly string[]>>,
  dependencies: readonly Dependency[]
): void {
  // Features enable normal and build dependencies; dev-dependencies are never optional.
  const deps = dependencies.filter((d) => d.kind !== 'dev')
  const byName = (n: string) => deps.filter((d) => d.name === n)
  const values = Object.values(features).flat()
  const hasDepSyntax = (n: string) => values.includes(`dep:${n}`)
  const nonOptional =
    'A non-optional dependency of the same name is defined; consider adding `optional = true` to its definition.'
  for (const [feature, list] of Object.entries(features)) {
    const fail = (message: string, hint?: string) => table.error(feature, message, hint)
    for (const v of list) {
      if (v.startsWith('dep:')) {
        const name = v.slice(4)
        const found = byName(name)
        if (found.length === 0)
          throw fail(
            `feature \`${feature}\` includes \`${v}\`, but \`${name}\` is not listed as a dependency`
          )
        if (!found.some((d) => d.optional))
          throw fail(
            `feature \`${feature}\` includes \`${v}\`, but \`${name}\` is not an optional dependency`,
            nonOptional
          )
        continue
      }
      const slash = v.indexOf('/')
      if (slash >= 0) {
        const name = v.slice(0, slash).replace(/\?$/, '')
        // A dev-dependency's feature is cargo's to refuse later, not a missing dependency.
        if (byName(name).length === 0 && !dependencies.some((d) => d.name === name))
          throw fail(`feature \`${feature}\` includes \`${v}\`, but \`${name}\` is not a dependency`)
        continue
      }
      if (Object.hasOwn(features, v)) continue
      const found = byName(v)
      if (found.length === 0)
        throw fail(
          `feature \`${feature}\` includes \`${v}\` which is neither a dependency nor another feature`
        )
      if (!found.some((d) => d.optional))
        throw fail(
          `feature \`${feature}\` includes \`${v}\`, but \`${v}\` is not an optional dependency`,
          nonOptional
        )
      if (hasDepSyntax(v))
        throw fail(
          `feature \`${feature}\` includes \`${v}\`, but \`${v}\` is an optional dependency without an implicit feature`,
          `Use \`dep:${v}\` to enable the dependency.`
        )
    }
  }
}

/**
 * What `cargo remove` does after removing (its command's `gc_workspace`), so the CLI writes the
 * same bytes: `[profile.*.package.<spec>]` and `[replace]` entries that match no dependency left
 * are dropped, and cargo marks `[profile]`, `[profile.*]`, `[profile.*.package]` and `[replace]`
 * implicit, so such a header with no keys of its own disappears. Not done: the workspace
 * dependency clean-up (it needs every member) and unused `[patch]` entries (they need a resolve).
 */
import { dependencyFromToml, type CargoDependency } from './dependency-model'
import { dependencyTables, nodeValue } from './dependency-tables'
import { buildLayout, type DocumentLayout, type TableNode, type TreeNode } from './layout'
import { sectionSpan } from './new-section'
import { applyTextEdits, type TextEdit } from './text-edits'
import { matchesVersionReq } from '../../resolver/version-match'
import { parseVersionReq } from '../../resolver/version-req'

const CRATES_IO = 'https://github.com/rust-lang/crates.io-index'

interface PackageSpec {
  readonly name: string
  readonly version?: string
  readonly url?: string
}

const FULL_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/

/** A package ID spec (`foo`, `foo@1.2.3`, `foo:1.2.3`, `https://…#foo@1.2.3`); partial versions match any. */
export function parsePackageSpec(spec: string): PackageSpec {
  const full = (v: string | undefined) => (v !== undefined && FULL_VERSION.test(v) ? v : undefined)
  if (spec.includes('://')) {
    const [url, fragment] = spec.split('#', 2) as [string, string | undefined]
    const lastSegment = url.replace(/\/+$/, '').split('/').at(-1) ?? ''
    if (fragment === undefined) return { name: lastSegment, url }
    const at = fragment.search(/[@:]/)
    if (at >= 0) return { name: fragment.slice(0, at), url, ...optional(full(fragment.slice(at + 1))) }
    return /^\d/.test(fragment)
      ? { name: lastSegment, url, ...optional(full(fragment)) }
      : { name: fragment, url }
  }
  const at = spec.search(/[@:]/)
  return at < 0 ? { name: spec } : { name: spec.slice(0, at), ...optional(full(spec.slice(at + 1))) }
}

function optional(version: string | undefined): { version?: string } {
  return version === undefined ? {} : { version }
}

function sourceUrl(dep: CargoDependency): string | undefined {
  const s = dep.source
  if (!s || s.type === 'registry') return dep.registry === undefined ? CRATES_IO : undefined
  if (s.type === 'git') return s.git
  return undefined
}

function matches(spec: PackageSpec, deps: readonly CargoDependency[]): boolean {
  return deps.some((dep) => {
    if (dep.name !== spec.name) return false
    const req = dep.source && 'version' in dep.source ? dep.source.version : undefined
    if (spec.version !== undefined) {
      if (req === undefined) return false
      const parsed = parseVersionReq(req)
      if (!parsed.ok || !matchesVersionReq(parsed.req, spec.version)) return false
    }
    return spec.url === undefined || spec.url === sourceUrl(dep)
  })
}

function remainingDependencies(layout: DocumentLayout): CargoDependency[] {
  const deps: CargoDependency[] = []
  for (const { node } of dependencyTables(layout)) {
    const entries = nodeValue(node) as Record<string, unknown>
    for (const key of Object.keys(entries)) {
      try {
        deps.push(dependencyFromToml(key, entries[key]))
      } catch {
        // An entry cargo could not read either; it matches nothing.
      }
    }
  }
  return deps
}

/** Removal edits for one entry of a table (a section, a dotted group or a key-value line). */
function entryEdits(layout: DocumentLayout, node: TreeNode): TextEdit[] {
  if (node.kind === 'value') return [{ start: node.kv.prefixStart, end: node.kv.lineEnd, text: '' }]
  if (node.kind === 'array') return node.elements.flatMap((e) => entryEdits(layout, e))
  if (node.dotted) return [...node.children.values()].flatMap((c) => entryEdits(layout, c))
  const own = node.section ? [sectionSpan(layout, node.section.index)] : []
  return [
    ...own,
    ...[...node.children.values()]
      .filter((c) => c.kind !== 'value' && !(c.kind === 'table' && c.dotted))
      .flatMap((c) => entryEdits(layout, c))
  ]
}

/** A table cargo makes implicit: it vanishes (header and the lines above it) when it has no keys. */
function implicitTable(
  layout: DocumentLayout,
  table: TableNode,
  removed: ReadonlySet<string>,
  edits: TextEdit[]
): void {
  const staying = [...table.children].filter(
    ([k, c]) => !removed.has(k) && (c.kind === 'value' || (c.kind === 'table' && c.dotted))
  )
  const vanishes = table.section !== undefined && staying.length === 0
  if (vanishes) edits.push(sectionSpan(layout, table.section!.index))
  for (const [key, child] of table.children) {
    if (!removed.has(key)) continue
    const inBody = child.kind === 'value' || (child.kind === 'table' && child.dotted)
    if (!(vanishes && inBody)) edits.push(...entryEdits(layout, child))
  }
}

export function cleanupAfterRemove(text: string): string {
  const layout = buildLayout(text)
  const deps = remainingDependencies(layout)
  const stale = (table: TableNode) =>
    new Set(
      [...table.children.keys()].filter((k) => !/[*?[\]]/.test(k) && !matches(parsePackageSpec(k), deps))
    )
  const edits: TextEdit[] = []
  const profile = layout.root.children.get('profile')
  if (profile?.kind === 'table') {
    implicitTable(layout, profile, new Set(), edits)
    for (const child of profile.children.values()) {
      if (child.kind !== 'table') continue
      implicitTable(layout, child, new Set(), edits)
      const packages = child.children.get('package')
      if (packages?.kind === 'table') implicitTable(layout, packages, stale(packages), edits)
    }
  }
  const replace = layout.root.children.get('replace')
  if (replace?.kind === 'table') implicitTable(layout, replace, stale(replace), edits)
  return applyTextEdits(text, edits)
}

/**
 * `add-dependency`: what `cargo add` does to the manifest text. The entry is written in cargo's
 * style, in sorted position when the table was sorted (else appended); an optional dependency
 * gets its `name = ["dep:name"]` feature (unless a `dep:` value already refers to it, or the
 * package's rust-version predates `dep:`), and feature values are tidied as cargo's `gc_dep` does.
 *
 * Why not toml-patch's `patch()` with `updateOrder` here: it puts a new key after the comment and
 * blank lines that cargo (toml_edit) keeps with the following key, appends after a table's
 * trailing comment where cargo inserts before it, and writes `{version = "1"}`. Insertion is
 * therefore done on the layout's blocks, which reproduce cargo's bytes (see the differential test).
 */
import type { DependencySpec, DependencyTable } from '@shared/models/manifest-edit'
import { EngineError } from '../../errors'
import {
  dependencyFromToml,
  dependencyToToml,
  mergeDependency,
  type CargoDependency
} from './dependency-model'
import { writeEntry } from './dependency-entry'
import { dependencyTablePath, featuresTable, nodeValue } from './dependency-tables'
import { gcDependencyFeatures, isExplicitDepActivation } from './feature-gc'
import { buildLayout, nodeAt, type DocumentLayout } from './layout'
import { newSectionEdit } from './new-section'
import { patchDocument } from './patch-fallback'
import { bodyItems, isBodySorted, renderBody, sortBody, type BodyItem } from './table-body'
import { applyTextEdits, onFreshLine, type TextEdit } from './text-edits'
import { formatArray, formatKey, formatString } from './toml-format'
import { rejectLegacyDependencySections, requirePackageManifest } from './manifest-guards'

export interface AddResult {
  readonly text: string
  readonly dependency: CargoDependency
  /** True when a `[features]` entry was written for an optional dependency. */
  readonly addedFeature: boolean
}

/**
 * Writes `key` into the table at `path` in cargo add's style; undefined when the table is
 * written inline or with dotted keys (the caller falls back to toml-patch).
 */
export function insertDependencyEntry(
  layout: DocumentLayout,
  path: readonly string[],
  key: string,
  spec: DependencySpec
) {
  const node = nodeAt(layout.root, path)
  if (node && node.kind !== 'table') {
    if (node.kind === 'value' && node.kv.value.type === 'InlineTable') return undefined
    throw new EngineError(
      'invalid-input',
      `The table \`${path.join('.')}\` could not be found: it is not a table.`
    )
  }
  if (node?.dotted) return undefined
  const existing = node?.children.get(key)
  const old = existing ? dependencyFromToml(key, nodeValue(existing)) : undefined
  const dep = mergeDependency(key, spec, old)
  const update = writeEntry(layout, path, key, dep, existing)
  const items: BodyItem[] = node ? bodyItems(layout, node) : []
  const wasSorted = isBodySorted(items)
  const at = items.findIndex((i) => i.key === key)
  if (update.item) {
    if (at >= 0) items[at] = update.item
    else items.splice(positionInBody(node?.children, key, items), 0, update.item)
  } else if (at >= 0) items.splice(at, 1)
  const ordered = wasSorted ? sortBody(items) : items
  const body = renderBody(ordered, layout.newline)
  const edits: TextEdit[] = []
  const section = node?.section
  if (section) {
    if (body !== layout.text.slice(section.headerEnd, section.bodyEnd))
      edits.push({ start: section.headerEnd, end: section.bodyEnd, text: body })
  } else if (body) edits.push(newSectionEdit(layout, path, body))
  edits.push(...update.edits)
  return { text: applyTextEdits(layout.text, edits), dep }
}

/** Where a key that becomes a value goes among the body's items: its place in the table's keys. */
function positionInBody(
  children: ReadonlyMap<string, unknown> | undefined,
  key: string,
  items: readonly BodyItem[]
): number {
  if (!children?.has(key)) return items.length
  const keys = [...children.keys()]
  const before = new Set(keys.slice(0, keys.indexOf(key)))
  return items.filter((i) => before.has(i.key)).length
}

/** cargo writes `dep:` only for packages whose rust-version (if any) is at least 1.60. */
function supportsDepSyntax(layout: DocumentLayout): boolean {
  const pkg = layout.root.children.get('package') ?? layout.root.children.get('project')
  const value = pkg ? (nodeValue(pkg) as Record<string, unknown>)['rust-version'] : undefined
  if (typeof value !== 'string') return true
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(value.trim())
  if (!m) return true
  const [major, minor] = [Number(m[1]), Number(m[2] ?? 0)]
  return major > 1 || (major === 1 && minor >= 60)
}

function addFeatureEntry(layout: DocumentLayout, key: string): string {
  const value = formatArray([formatString(`dep:${key}`)])
  const nl = layout.newline
  const features = featuresTable(layout)
  const existing = features?.children.get(key)
  if (features && (features.dotted || (existing && existing.kind !== 'value')))
    return patchDocument(layout.text, [{ path: ['features', key], raw: value }])
  if (existing?.kind === 'value') {
    // `table[key] = value` in toml_edit keeps the key but gives the value default spacing.
    const kv = existing.kv
    const equals = layout.text.lastIndexOf('=', kv.valueStart)
    let end = kv.lineEnd
    while (end > kv.valueEnd && (layout.text[end - 1] === '\n' || layout.text[end - 1] === '\r')) end--
    return applyTextEdits(layout.text, [{ start: equals + 1, end, text: ` ${value}` }])
  }
  const line = `${formatKey(key)} = ${value}${nl}`
  const section = features?.section
  if (section)
    return applyTextEdits(layout.text, [
      {
        start: section.bodyEnd,
        end: section.bodyEnd,
        text: onFreshLine(layout.text, section.bodyEnd, nl) + line
      }
    ])
  return applyTextEdits(layout.text, [newSectionEdit(layout, ['features'], line)])
}

export function addDependency(
  text: string,
  table: DependencyTable,
  key: string,
  spec: DependencySpec
): AddResult {
  const layout = buildLayout(text)
  requirePackageManifest(layout, 'add dependencies to')
  rejectLegacyDependencySections(layout)
  let inserted = insertDependencyEntry(layout, dependencyTablePath(table), key, spec)
  if (!inserted) {
    // The table is written inline or with dotted keys: let toml-patch place the entry.
    const path = [...dependencyTablePath(table), key]
    const dep = mergeDependency(key, spec)
    inserted = { text: patchDocument(text, [{ path, raw: dependencyToToml(dep) }]), dep }
  }
  let out = inserted.text
  let addedFeature = false
  if (inserted.dep.optional === true) {
    const after = buildLayout(out)
    if (supportsDepSyntax(after) && !isExplicitDepActivation(after, key)) {
      out = addFeatureEntry(after, key)
      addedFeature = true
    }
  }
  const gc = buildLayout(out)
  out = applyTextEdits(out, gcDependencyFeatures(gc, key))
  return { text: out, dependency: inserted.dep, addedFeature }
}

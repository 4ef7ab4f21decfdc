/**
 * cargo's `gc_dep`: after a dependency is removed (or changed), feature values that point at it
 * are dropped (`dep:x`, `x/f`, and `x` itself when it was the implicit feature), and `x?/f`
 * becomes `x/f` when `x` is now a required dependency elsewhere.
 */
import { readArrayDecor, removeArrayIndex, renderArray } from './array-decor'
import { dependencyTables, entryOf, featuresTable, nodeValue } from './dependency-tables'
import type { DocumentLayout } from './layout'
import type { TextEdit } from './text-edits'
import { formatString } from './toml-format'

type FeatureValue =
  | { readonly type: 'feature'; readonly name: string }
  | { readonly type: 'dep'; readonly name: string }
  | { readonly type: 'dep-feature'; readonly name: string; readonly feature: string; readonly weak: boolean }

export function parseFeatureValue(value: string): FeatureValue {
  const slash = value.indexOf('/')
  if (slash >= 0) {
    const dep = value.slice(0, slash)
    const weak = dep.endsWith('?')
    return { type: 'dep-feature', name: weak ? dep.slice(0, -1) : dep, feature: value.slice(slash + 1), weak }
  }
  return value.startsWith('dep:') ? { type: 'dep', name: value.slice(4) } : { type: 'feature', name: value }
}

/** Whether any feature activates `key` with `dep:key` (which removes its implicit feature). */
export function isExplicitDepActivation(layout: DocumentLayout, key: string): boolean {
  const features = featuresTable(layout)
  if (!features) return false
  for (const child of features.children.values()) {
    const values = child.kind === 'value' ? nodeValue(child) : undefined
    if (Array.isArray(values) && values.some((v) => v === `dep:${key}`)) return true
  }
  return false
}

type Status = 'none' | 'optional' | 'required'

/** Whether `key` is still a dependency anywhere, and whether optional there (cargo's `dep_status`). */
export function dependencyStatus(layout: DocumentLayout, key: string): Status {
  let status: Status = 'none'
  for (const { node } of dependencyTables(layout)) {
    if (node.kind !== 'table') continue
    const entry = entryOf(node, key)
    if (!entry) continue
    const value = nodeValue(entry) as { optional?: unknown } | string
    if (typeof value === 'object' && value !== null && value.optional === true) return 'optional'
    status = 'required'
  }
  return status
}

function dropped(value: FeatureValue, key: string, status: Status, explicit: boolean): boolean {
  if (value.name !== key) return false
  if (status === 'none') return value.type !== 'feature' || !explicit
  if (status === 'required') return value.type === 'dep' || (value.type === 'feature' && !explicit)
  return false
}

export function gcDependencyFeatures(layout: DocumentLayout, key: string): TextEdit[] {
  const features = featuresTable(layout)
  if (!features) return []
  const explicit = isExplicitDepActivation(layout, key)
  const status = dependencyStatus(layout, key)
  const edits: TextEdit[] = []
  for (const child of features.children.values()) {
    if (child.kind !== 'value' || child.kv.value.type !== 'InlineArray') continue
    const decor = readArrayDecor(layout.text, child.kv.value, layout.offsets)
    let changed = false
    for (let i = decor.elements.length - 1; i >= 0; i--) {
      const v = decor.elements[i]!.value
      if (typeof v === 'string' && dropped(parseFeatureValue(v), key, status, explicit)) {
        removeArrayIndex(decor, i)
        changed = true
      }
    }
    if (status === 'required') {
      for (const element of decor.elements) {
        if (typeof element.value !== 'string') continue
        const parsed = parseFeatureValue(element.value)
        if (parsed.type === 'dep-feature' && parsed.weak && parsed.name === key) {
          element.raw = formatString(`${parsed.name}/${parsed.feature}`)
          changed = true
        }
      }
    }
    if (changed) edits.push({ start: child.kv.valueStart, end: child.kv.valueEnd, text: renderArray(decor) })
  }
  return edits
}

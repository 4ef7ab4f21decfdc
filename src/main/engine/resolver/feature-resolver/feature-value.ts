/**
 * One entry of a `[features]` list, as cargo reads it: `feat`, `dep:x`, `x/feat` or the weak
 * `x?/feat`. The command line uses the same syntax (without `dep:`), so one parser serves both.
 */

export type FeatureValue =
  | { readonly type: 'feature'; readonly name: string }
  | { readonly type: 'dep'; readonly depName: string }
  | {
      readonly type: 'dep-feature'
      readonly depName: string
      readonly depFeature: string
      /** `x?/feat`: enables `feat` only if something else enables `x`. */
      readonly weak: boolean
    }

/** cargo's `FeatureValue::new`: the first `/` splits, a `?` before it makes the value weak. */
export function parseFeatureValue(text: string): FeatureValue {
  const slash = text.indexOf('/')
  if (slash >= 0) {
    const dep = text.slice(0, slash)
    const depFeature = text.slice(slash + 1)
    const weak = dep.endsWith('?')
    return { type: 'dep-feature', depName: weak ? dep.slice(0, -1) : dep, depFeature, weak }
  }
  if (text.startsWith('dep:')) return { type: 'dep', depName: text.slice(4) }
  return { type: 'feature', name: text }
}

/** The value as cargo prints it (in `cargo metadata` and errors). */
export function formatFeatureValue(fv: FeatureValue): string {
  switch (fv.type) {
    case 'feature':
      return fv.name
    case 'dep':
      return `dep:${fv.depName}`
    case 'dep-feature':
      return `${fv.depName}${fv.weak ? '?' : ''}/${fv.depFeature}`
  }
}

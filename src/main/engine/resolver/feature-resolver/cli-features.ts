/**
 * The feature flags of a command (`--features`, `--all-features`, `--no-default-features`), read
 * the way cargo reads them: split on spaces and commas, deduplicated, and checked for syntax the
 * command line may not use (`dep:x`, `a/b/c`).
 */
import { EngineError } from '../../errors'
import { compareStrings } from './package-order'
import { formatFeatureValue, parseFeatureValue, type FeatureValue } from './feature-value'

/** The flags as a user gives them. */
export interface FeatureFlags {
  /** `--features` values, each may hold several names separated by spaces or commas. */
  readonly features?: readonly string[]
  readonly allFeatures?: boolean
  readonly noDefaultFeatures?: boolean
}

/** cargo's `CliFeatures`: what one package is asked to enable from the command line. */
export interface CliFeatures {
  readonly features: readonly FeatureValue[]
  readonly allFeatures: boolean
  readonly usesDefaultFeatures: boolean
}

const TYPE_RANK = { feature: 0, dep: 1, 'dep-feature': 2 } as const

/** `FeatureValue`'s derived order (a `BTreeSet` on cargo's side). */
export function compareFeatureValues(a: FeatureValue, b: FeatureValue): number {
  if (a.type !== b.type) return TYPE_RANK[a.type] - TYPE_RANK[b.type]
  return compareStrings(formatFeatureValue(a), formatFeatureValue(b))
}

export function cliFeaturesFrom(flags: FeatureFlags): CliFeatures {
  const names = (flags.features ?? [])
    .flatMap((s) => s.split(/\s+/))
    .flatMap((s) => s.split(','))
    .filter((s) => s !== '')
  const unique = new Map<string, FeatureValue>()
  for (const name of names) {
    const fv = parseFeatureValue(name)
    if (fv.type === 'dep')
      throw new EngineError(
        'invalid-input',
        `feature \`${name}\` is not allowed to use explicit \`dep:\` syntax`,
        {
          hint: `Enable the optional dependency through its feature, for example \`--features ${fv.depName}\`.`
        }
      )
    if (fv.type === 'dep-feature' && fv.depFeature.includes('/'))
      throw new EngineError('invalid-input', `multiple slashes in feature \`${name}\` is not allowed`, {
        hint: 'Write `dependency/feature`: a feature of a direct dependency only.'
      })
    unique.set(formatFeatureValue(fv), fv)
  }
  return {
    features: [...unique.values()].sort(compareFeatureValues),
    allFeatures: flags.allFeatures ?? false,
    usesDefaultFeatures: !(flags.noDefaultFeatures ?? false)
  }
}

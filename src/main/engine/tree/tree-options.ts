/**
 * The options of `cargo tree`, and `-e/--edges` read with cargo's rules: `normal`, `build`,
 * `dev`, `features`, `all`, the `no-…` forms (which start from all three kinds) and the
 * separate `no-proc-macro`.
 */
import { EngineError } from '../errors'
import type { FeatureFlags } from '../resolver/feature-resolver/cli-features'
import type { EdgeKind } from './graph'
import type { Charset, Prefix } from './print-tree'

export interface TreeOptions {
  /** `-p SPEC`; empty: `--workspace`, or the default members. */
  readonly packages?: readonly string[]
  /** `--workspace`: every member. */
  readonly workspace?: boolean
  /** `--exclude SPEC`, with `--workspace`. */
  readonly exclude?: readonly string[]
  readonly features?: FeatureFlags
  /** `--target` values: none for the host, `all`, or triples (their cfg must be in the target data). */
  readonly targets?: readonly string[]
  /** `-e` values as given (each may be a comma-separated list). */
  readonly edges?: readonly string[]
  /** `-i SPEC`. */
  readonly invert?: readonly string[]
  /** `--prune SPEC`. */
  readonly prune?: readonly string[]
  /** `--depth N` or `workspace`. */
  readonly depth?: number | 'workspace'
  readonly prefix?: Prefix
  readonly noDedupe?: boolean
  /** `-d`. */
  readonly duplicates?: boolean
  readonly charset?: Charset
  /** `-f`; default `{p}`. */
  readonly format?: string
}

export interface EdgeSelection {
  readonly kinds: ReadonlySet<EdgeKind>
  readonly noProcMacro: boolean
}

const DEFAULTS: readonly EdgeKind[] = ['normal', 'build', 'dev']

function unknown(kind: string): EngineError {
  return new EngineError(
    'invalid-input',
    `unknown edge kind \`${kind}\`, valid values are "normal", "build", "dev", "no-normal", "no-build", "no-dev", "no-proc-macro", "features", or "all"`,
    { hint: 'For example `-e normal,build` or `-e no-dev`.' }
  )
}

export function parseEdgeKinds(values: readonly string[]): EdgeSelection {
  let noProcMacro = false
  const kinds = values
    .filter((v) => {
      if (v !== 'no-proc-macro') return true
      noProcMacro = true
      return false
    })
    .flatMap((v) => v.split(','))
  if (kinds.length === 0) kinds.push(...DEFAULTS)
  const result = new Set<EdgeKind>()
  if (kinds.some((k) => k.startsWith('no-'))) {
    for (const k of DEFAULTS) result.add(k)
    for (const kind of kinds) {
      if (kind === 'no-normal') result.delete('normal')
      else if (kind === 'no-build') result.delete('build')
      else if (kind === 'no-dev') result.delete('dev')
      else if (kind === 'features') result.add('feature')
      else if (['normal', 'build', 'dev', 'all'].includes(kind))
        throw new EngineError(
          'invalid-input',
          `\`${kind}\` dependency kind cannot be mixed with "no-normal", "no-build", or "no-dev" dependency kinds`,
          { hint: 'Use either the kinds to show or the `no-…` kinds to hide, not both.' }
        )
      else throw unknown(kind)
    }
    return { kinds: result, noProcMacro }
  }
  for (const kind of kinds) {
    if (kind === 'all') for (const k of [...DEFAULTS, 'feature' as const]) result.add(k)
    else if (kind === 'features') result.add('feature')
    else if (kind === 'normal' || kind === 'build' || kind === 'dev') result.add(kind)
    else throw unknown(kind)
  }
  if (kinds.length === 1 && kinds[0] === 'features') for (const k of DEFAULTS) result.add(k)
  return { kinds: result, noProcMacro }
}

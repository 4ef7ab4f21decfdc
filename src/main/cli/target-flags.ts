/**
 * cargo's target selection flags (`--lib`, `--bin`, `--bins`, `--example`, `--examples`,
 * `--test`, `--tests`, `--bench`, `--benches`, `--all-targets`), shared by `build`, `test` and `bench`.
 * Without any, each command builds its default set.
 */
import type { TargetNames, TargetSelection } from '../engine/compiler/plan/target-selection'

export const TARGET_OPTIONS = {
  lib: { type: 'boolean' },
  bin: { type: 'string', multiple: true },
  bins: { type: 'boolean' },
  example: { type: 'string', multiple: true },
  examples: { type: 'boolean' },
  test: { type: 'string', multiple: true },
  tests: { type: 'boolean' },
  bench: { type: 'string', multiple: true },
  benches: { type: 'boolean' },
  'all-targets': { type: 'boolean' }
} as const

export const TARGET_OPTIONS_HELP = `      --lib                    Only this package's library
      --bin <NAME>             Only the specified binary (repeatable)
      --bins                   All binaries
      --example <NAME>         Only the specified example (repeatable)
      --examples               All examples
      --test <NAME>            Only the specified integration test (repeatable)
      --tests                  All targets that have \`test = true\` set
      --bench <NAME>           Only the specified bench target (repeatable)
      --benches                All targets that have \`bench = true\` set
      --all-targets            All targets
`

export interface TargetValues {
  readonly lib?: boolean
  readonly bin?: string[]
  readonly bins?: boolean
  readonly example?: string[]
  readonly examples?: boolean
  readonly test?: string[]
  readonly tests?: boolean
  readonly bench?: string[]
  readonly benches?: boolean
  readonly 'all-targets'?: boolean
}

function names(all: boolean | undefined, some: string[] | undefined): TargetNames | undefined {
  if (all) return 'all'
  return some?.length ? some : undefined
}

/** What the target flags name (`--all-targets` names every kind); undefined when none was given. */
function pickedTargets(v: TargetValues) {
  const all = v['all-targets'] ?? false
  const picked = {
    bins: names(all || v.bins, v.bin),
    examples: names(all || v.examples, v.example),
    tests: names(all || v.tests, v.test),
    benches: names(all || v.benches, v.bench),
    lib: all || (v.lib ?? false)
  }
  const { bins, examples, tests, benches, lib } = picked
  return lib || bins || examples || tests || benches ? picked : undefined
}

/**
 * `cargo bench`'s reading of the flags (its bench mode): everything chosen is a harness, `--tests`
 * takes the targets with `test = true` and `--benches` those with `bench = true`, of any kind.
 * Undefined when no flag was given: every target with `bench = true`.
 */
export function benchSelectionOf(v: TargetValues): TargetSelection | undefined {
  const picked = pickedTargets(v)
  if (!picked) return undefined
  const { bins, examples, tests, benches, lib } = picked
  const flagged = [
    ...(tests === 'all' ? ['test' as const] : []),
    ...(benches === 'all' ? ['bench' as const] : [])
  ]
  return {
    lib: false,
    libTest: lib,
    bins: [],
    ...(v.lib ? { requireLib: true } : {}),
    ...(bins ? { binTests: bins } : {}),
    ...(examples ? { exampleTests: examples } : {}),
    ...(tests && tests !== 'all' ? { tests } : {}),
    ...(benches && benches !== 'all' ? { benches } : {}),
    ...(flagged.length ? { flagged } : {})
  }
}

/**
 * Undefined when no flag was given: the command's default applies. As cargo's `CompileFilter`:
 * named targets (and `--lib`, `--bins`, `--examples`) are taken whatever their `test` flag, and
 * are harnesses under `test`; `--tests`/`--benches` take every target with `test = true`/
 * `bench = true`, of any kind, as a harness.
 */
export function targetSelectionOf(v: TargetValues, mode: 'build' | 'test'): TargetSelection | undefined {
  const picked = pickedTargets(v)
  if (!picked) return undefined
  const { bins, examples, tests, benches, lib } = picked
  const testing = mode === 'test'
  const flagged = [
    ...(tests === 'all' ? ['test' as const] : []),
    ...(benches === 'all' ? ['bench' as const] : [])
  ]
  return {
    lib: lib && !testing,
    libTest: lib && testing,
    bins: bins !== undefined && !testing ? bins : [],
    ...(bins !== undefined && testing ? { binTests: bins } : {}),
    ...(v.lib ? { requireLib: true } : {}),
    ...(examples ? (testing ? { exampleTests: examples } : { examples }) : {}),
    ...(tests && tests !== 'all' ? { tests } : {}),
    ...(benches && benches !== 'all' ? { benches } : {}),
    ...(flagged.length ? { flagged } : {})
  }
}

/**
 * Which of the root package's targets a command builds (cargo's `CompileFilter`): `build`
 * builds the library and binaries; `--examples`, `--tests`, `--benches` and `--all-targets`
 * add the others; `test` compiles the library and binaries as libtest harnesses too.
 */
import { EngineError } from '../../errors'
import type { Package, Target } from '../../manifest/model'

/** `all` takes every target of the kind whose required features are on; a list names them. */
export type TargetNames = 'all' | readonly string[]

export interface TargetSelection {
  readonly lib: boolean
  readonly bins: TargetNames
  readonly examples?: TargetNames
  /** Integration tests (`tests/*.rs`), compiled as harnesses. */
  readonly tests?: TargetNames
  /** Benchmarks (`benches/*.rs`), compiled as harnesses. */
  readonly benches?: TargetNames
  /** The library's unit tests (`rustc --test src/lib.rs`), named (`--lib`): even with `test = false`. */
  readonly libTest?: boolean
  /** Binaries' unit tests, named (`--bins`, `--bin NAME`): even with `test = false`. */
  readonly binTests?: TargetNames
  /** Examples compiled as harnesses (`cargo bench --examples` runs them with `--bench`). */
  readonly exampleTests?: TargetNames
  /**
   * Every target, of any kind, whose manifest flag is on, as a harness (cargo's `Target::tested`
   * and `Target::benched`): `test` is `cargo test`'s default set and every command's `--tests`,
   * `bench` is `cargo bench`'s default set and every command's `--benches`. Targets whose
   * required features are off are left out.
   */
  readonly flagged?: readonly ('test' | 'bench')[]
  /** `--lib` was asked for by name: a package without a library is an error, not an empty build. */
  readonly requireLib?: boolean
}

/** One root target to build, and whether as a test harness. */
export interface SelectedTarget {
  readonly target: Target
  readonly test: boolean
}

type Kind = 'bin' | 'example' | 'test' | 'bench'

/** The targets a selection names, in cargo's order: lib, bins, examples, tests, benches. */
export function selectTargets(
  pkg: Package,
  selection: TargetSelection,
  features: readonly string[]
): SelectedTarget[] {
  const out: SelectedTarget[] = []
  const lib = pkg.targets.find((t) => t.kind === 'lib')
  if (selection.requireLib && !lib)
    throw new EngineError(
      'not-found',
      `no library targets found in package \`${pkg.manifest.package.name}\``,
      {
        hint: 'Leave out `--lib`, or give the package a library (src/lib.rs or a [lib] section).'
      }
    )
  if (selection.lib && lib) out.push({ target: lib, test: false })
  if (selection.libTest && lib) out.push({ target: lib, test: true })
  const pick = (kind: Kind, names: TargetNames | undefined, test: boolean) => {
    if (names === undefined) return
    // A test target with `harness = false` is still compiled for testing (`--cfg test`, the test
    // profile), as its own program without libtest.
    for (const t of named(pkg, kind, names, features)) out.push({ target: t, test })
  }
  pick('bin', selection.bins, false)
  pick('bin', selection.binTests, true)
  pick('example', selection.examples, false)
  pick('example', selection.exampleTests, true)
  pick('test', selection.tests, true)
  pick('bench', selection.benches, true)
  for (const flag of selection.flagged ?? [])
    for (const t of pkg.targets) {
      const on = flag === 'test' ? t.tested : t.benched
      if (on && t.requiredFeatures.every((f) => features.includes(f))) out.push({ target: t, test: true })
    }
  // A target two flags pick (`--lib --benches`) is still one harness, as cargo's unit set has it once.
  return out.filter((s, i) => out.findIndex((o) => o.target === s.target && o.test === s.test) === i)
}

function named(pkg: Package, kind: Kind, names: TargetNames, features: readonly string[]): Target[] {
  const all = pkg.targets.filter((t) => t.kind === kind)
  const missing = (t: Target) => t.requiredFeatures.filter((f) => !features.includes(f))
  if (names === 'all') return all.filter((t) => missing(t).length === 0)
  const p = pkg.manifest.package
  return names.map((name) => {
    const t = all.find((x) => x.name === name)
    if (!t) {
      throw new EngineError('not-found', `No ${kind} target named \`${name}\` in package \`${p.name}\`.`, {
        file: pkg.manifest.path,
        hint: all.length
          ? `Available ${kind} targets: ${all.map((b) => b.name).join(', ')}.`
          : `This package has no ${kind} targets.`
      })
    }
    const need = missing(t)
    if (need.length) {
      throw new EngineError(
        'invalid-input',
        `Target \`${name}\` in package \`${p.name}\` requires the features: ${need.map((f) => `\`${f}\``).join(', ')}.`,
        { hint: `Enable them, for example with \`--features="${need.join(' ')}"\`.` }
      )
    }
    return t
  })
}

/**
 * With several packages selected, each builds the named targets it has (cargo looks names up
 * across all of them); a name no package has stays, so the first package reports it.
 */
export function selectionFor(
  pkg: Package,
  selection: TargetSelection,
  packages: readonly Package[]
): TargetSelection {
  if (packages.length <= 1) return selection
  const has = (p: Package, kind: Kind, name: string) =>
    p.targets.some((t) => t.kind === kind && t.name === name)
  const narrow = (kind: Kind, names: TargetNames | undefined): TargetNames | undefined =>
    names === undefined || names === 'all'
      ? names
      : names.filter((n) => has(pkg, kind, n) || !packages.some((p) => has(p, kind, n)))
  const hasLib = (p: Package) => p.targets.some((t) => t.kind === 'lib')
  const narrowed: Record<string, unknown> = {
    ...selection,
    bins: narrow('bin', selection.bins) ?? [],
    requireLib: selection.requireLib === true && (hasLib(pkg) || !packages.some(hasLib))
  }
  for (const [key, kind] of [
    ['examples', 'example'],
    ['tests', 'test'],
    ['benches', 'bench'],
    ['binTests', 'bin'],
    ['exampleTests', 'example']
  ] as const) {
    const names = narrow(kind, selection[key])
    if (names === undefined) delete narrowed[key]
    else narrowed[key] = names
  }
  return narrowed as unknown as TargetSelection
}

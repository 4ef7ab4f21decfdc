/**
 * A package's `targets` in `cargo metadata`: library, binaries, examples, tests, benches (each
 * group sorted by name where cargo discovers that kind, else in the manifest's order), then the build script as a `custom-build` target, with cargo's
 * `kind`/`crate_types` and its `doc`/`doctest`/`test` flags.
 */
import { basename } from 'node:path'
import type { Package, Target } from '../manifest/model'
import { compareStrings } from '../resolver/feature-resolver/package-order'
import { obj, type OrderedObject } from './json-text'

const RANK = { lib: 0, bin: 1, example: 2, test: 3, bench: 4 } as const

function kindOf(t: Target): string[] {
  return t.kind === 'lib' ? [...t.crateTypes] : [t.kind]
}

function crateTypesOf(t: Target): string[] {
  return t.kind === 'lib' || t.kind === 'example' ? [...t.crateTypes] : ['bin']
}

/** Only a library that produces a Rust library (`lib`, `rlib`, `proc-macro`) has doctests. */
function doctestable(t: Target): boolean {
  return t.kind === 'lib' && t.crateTypes.some((c) => c === 'lib' || c === 'rlib' || c === 'proc-macro')
}

function serializeTarget(t: Target): OrderedObject {
  return obj([
    ['kind', kindOf(t)],
    ['crate_types', crateTypesOf(t)],
    ['name', t.name],
    ['src_path', t.srcPath],
    ['edition', t.edition],
    ...(t.requiredFeatures.length > 0 ? [['required-features', [...t.requiredFeatures]] as const] : []),
    ['doc', t.documented],
    ['doctest', t.doctested && doctestable(t)],
    ['test', t.tested]
  ])
}

/** cargo sorts a kind's targets by name when it discovers that kind; otherwise they keep the manifest's order. */
function discovers(pkg: Package, kind: Target['kind']): boolean {
  const p = pkg.manifest.package
  const auto = {
    lib: true,
    bin: p.autobins,
    example: p.autoexamples,
    test: p.autotests,
    bench: p.autobenches
  }[kind]
  return auto !== false
}

export function serializeTargets(pkg: Package): OrderedObject[] {
  const sorted = [...pkg.targets].sort(
    (a, b) => RANK[a.kind] - RANK[b.kind] || (discovers(pkg, a.kind) ? compareStrings(a.name, b.name) : 0)
  )
  const out = sorted.map(serializeTarget)
  if (pkg.buildScript !== undefined)
    out.push(
      obj([
        ['kind', ['custom-build']],
        ['crate_types', ['bin']],
        ['name', `build-script-${basename(pkg.buildScript).replace(/\.rs$/, '')}`],
        ['src_path', pkg.buildScript],
        ['edition', pkg.manifest.package.edition],
        ['doc', false],
        ['doctest', false],
        ['test', false]
      ])
    )
  return out
}

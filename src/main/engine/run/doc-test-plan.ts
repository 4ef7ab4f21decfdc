/**
 * Which libraries `test` runs doc tests for, and the `rustdoc --test` each one runs, worked out
 * from the finished build as cargo's build runner collects its doctest units. Plain `cargo test`
 * takes each selected package whose library is doc-tested (`doctest = true`, the default) and
 * linkable; `--doc` takes every linkable library and warns about the others.
 */
import type { BuildResult } from '../compiler/build-runner'
import { EngineError } from '../errors'
import { compareStrings } from '../resolver/feature-resolver/package-order'
import type { PackageNode } from '../workspace/package-graph'
import { docTestFor, type DocTest, type DocTestContext } from './doc-test-command'
import { isDoctestable, libraryUnit } from './doc-test-inputs'

export type { DocTest } from './doc-test-command'

/** `also`: after the harnesses, as plain `cargo test`; `only`: `--doc`; `none`: target flags were given. */
export type DocTestMode = 'also' | 'only' | 'none'

export interface DocTestPlanOptions extends DocTestContext {
  readonly mode: 'also' | 'only'
}

interface SelectedPackage {
  readonly key: string
  readonly node: PackageNode
}

/** The packages the command selected (the build's roots), sorted as cargo sorts its units. */
function selectedPackages(build: BuildResult): SelectedPackage[] {
  const nodes = new Map<string, PackageNode>()
  for (const u of build.plan.units) if (u.primary && !nodes.has(u.pkgKey)) nodes.set(u.pkgKey, u.node)
  const order = (p: SelectedPackage) =>
    `${p.node.pkg.manifest.package.name}\u0000${p.node.pkg.manifest.package.version}`
  return [...nodes].map(([key, node]) => ({ key, node })).sort((a, b) => compareStrings(order(a), order(b)))
}

function noLibrary(names: readonly string[]): EngineError {
  const which = names.length === 1 ? `package \`${names[0]}\`` : `packages: ${names.join(', ')}`
  return new EngineError('not-found', `no library targets found in ${which}`, {
    hint: 'Doc tests are a library’s: give the package a library with crate type `lib`, `rlib` or `proc-macro`, or leave out `--doc`.'
  })
}

/** The doc tests to run, in cargo's order; `warn` gets cargo's warnings about skipped libraries. */
export function planDocTests(
  build: BuildResult,
  o: DocTestPlanOptions,
  warn: (text: string) => void
): DocTest[] {
  const packages = selectedPackages(build)
  const tests: DocTest[] = []
  let doctestable = 0
  for (const { key, node } of packages) {
    const lib = node.pkg.targets.find((t) => t.kind === 'lib')
    if (!lib) continue
    if (!isDoctestable(lib)) {
      if (o.mode === 'only')
        warn(
          `doc tests are not supported for crate type(s) \`${lib.crateTypes.join(', ')}\` in package \`${node.pkg.manifest.package.name}\``
        )
      continue
    }
    doctestable++
    // `doctest = false` keeps a library out of plain `cargo test`; `--doc` asks for it by name.
    if (o.mode === 'also' && !lib.doctested) continue
    const unit = libraryUnit(build.plan.units, key)
    if (!unit)
      throw new EngineError(
        'internal',
        `The build did not compile the library of ${node.id} for its doc tests.`
      )
    // rustdoc builds doctests to unwind and cannot link a library built to abort, and the
    // planner builds the library to unwind only when a test harness links it too: say so rather
    // than fail where cargo would pass.
    if (unit.profile.panic !== 'unwind') {
      warn(
        `skipping the doc tests of \`${node.pkg.manifest.package.name}\`: its library was built with \`panic = "${unit.profile.panic}"\` (profile \`${unit.profile.name}\`), and Crate Studio cannot yet build it to unwind for doc tests alone`
      )
      continue
    }
    tests.push(docTestFor(build, unit, lib, o))
  }
  if (o.mode === 'only' && doctestable === 0)
    throw noLibrary(packages.map((p) => p.node.pkg.manifest.package.name))
  return tests
}

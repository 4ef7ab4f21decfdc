/**
 * The harnesses a `test` or `bench` build produced, as cargo lists them (`compilation.tests`,
 * sorted): package by package, then lib, bins, tests, benches, examples by name, each with its
 * label, environment and the arguments that rerun it.
 */
import { join } from 'node:path'
import { compareStrings } from '../resolver/feature-resolver/package-order'
import type { BuildResult } from '../compiler/build-runner'
import { finalExecutable } from '../compiler/artifacts'
import { unitLayout } from '../compiler/layout'
import type { Unit } from '../compiler/unit'
import { harnessEnv, harnessLabel, type Env, type TestBinary } from '../test-runner/test-binary'
import type { RustcInfo } from '../tools/rustc'
import type { PackageSelection } from '../workspace/select-members'

/** What the harness list needs from the command's options. */
export interface HarnessOptions {
  /** Where cargo was started: labels show paths relative to it. */
  readonly cwd: string
  readonly env?: Env
  readonly packages?: PackageSelection
}

/**
 * The word cargo puts before a library's, binary's or example's source in a label: `unittests`
 * when it runs one, and the command's own noun (`unittests` for test, `benches` for bench) on the
 * `Executable` lines of `--no-run`.
 */
export type HarnessWord = 'unittests' | 'benches'

/** cargo runs the library's harness first, then binaries', integration tests, benches, examples. */
const ORDER = ['lib', 'bin', 'test', 'bench', 'example']

/**
 * cargo's `needs_spec_flag`: its rerun hints name the package (`-p demo --lib`) when packages
 * were named or excluded, or when the default or whole workspace selected more than one.
 */
export function needsPackageSpec(packages: PackageSelection | undefined, build: BuildResult): boolean {
  if (packages?.packages?.length || packages?.exclude?.length) return true
  return new Set(build.plan.units.filter((u) => u.primary).map((u) => u.pkgKey)).size > 1
}

function isHarness(u: Unit): boolean {
  const kind = u.target?.kind
  return u.test || ((kind === 'test' || kind === 'bench') && u.target?.harness === false)
}

/** The requested harnesses in cargo's order, ready to run. */
export function testBinaries(
  build: BuildResult,
  o: HarnessOptions,
  word: HarnessWord = 'unittests'
): TestBinary[] {
  const units = build.plan.requested.filter(isHarness)
  // Package by package (as cargo sorts its units), then lib, bins, tests… by name.
  const byPackage = (u: Unit) =>
    `${u.node.pkg.manifest.package.name}\u0000${u.node.pkg.manifest.package.version}`
  units.sort(
    (a, b) =>
      compareStrings(byPackage(a), byPackage(b)) ||
      ORDER.indexOf(a.target!.kind) - ORDER.indexOf(b.target!.kind) ||
      a.target!.name.localeCompare(b.target!.name)
  )
  // Integration tests find their own package's programs through CARGO_BIN_EXE_<name> (with a
  // named target, the program in target/<triple>/<profile>/, as finalExecutable places it).
  const programs = new Map<string, Record<string, string>>()
  for (const u of build.plan.units) {
    if (!u.primary || u.target?.kind !== 'bin' || u.test) continue
    const own = programs.get(u.node.id) ?? {}
    own[u.target.name] = finalExecutable(u, build.layout) ?? ''
    programs.set(u.node.id, own)
  }
  const env = o.env ?? process.env
  const spec = needsPackageSpec(o.packages, build)
  return units.map((u) => {
    const t = u.target!
    const m = u.node.pkg.manifest
    const executable = finalExecutable(u, build.layout)!
    // A proc-macro's tests run on the host, so they take the host triple's runner.
    const runner = (u.forHost ? build.hostTools : build.tools).runner
    return {
      suite: harnessLabel({
        kind: t.kind,
        srcPath: t.srcPath,
        packageRoot: m.rootDir,
        executable,
        cwd: o.cwd,
        word
      }),
      executable,
      ...(runner !== undefined ? { runner } : {}),
      cwd: m.rootDir,
      env: harnessEnv(m, env, libraryDirs(u, build), programs.get(u.node.id) ?? {}),
      target: { kind: t.kind, name: t.name },
      ...(spec ? { packageSpec: m.package.name } : {}),
      ...(u.target?.harness === false ? { harness: false } : {})
    }
  })
}

/**
 * cargo's dynamic library search path for a harness (`fill_env`): its own kind's folders, so with
 * a named target target/<triple>/<profile>/ and deps/ but not the host's, except for a
 * proc-macro's harness, which is built for the host and runs with the host's folders.
 */
function libraryDirs(u: Unit, build: BuildResult): string[] {
  const own = unitLayout(u, build.layout)
  return [own.dest, own.deps, sysrootLibraryDir(build.rustc, own.triple)]
}

/**
 * The toolchain's own libraries for the harness's target, after target/'s: a proc-macro's test
 * harness is linked with `-C prefer-dynamic`, so it loads libstd from there at run time (cargo
 * adds its `sysroot_target_libdir` too: the named triple's, else the host's).
 */
function sysrootLibraryDir(rustc: Pick<RustcInfo, 'sysroot' | 'host'>, triple?: string): string {
  return process.platform === 'win32'
    ? join(rustc.sysroot, 'bin')
    : join(rustc.sysroot, 'lib', 'rustlib', triple ?? rustc.host, 'lib')
}

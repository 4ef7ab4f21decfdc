/**
 * The `rustdoc --test` run for one library, put together from the finished build as cargo's
 * build runner collects a doctest unit: the library and what it links as externs, its features
 * and build script's cfgs, the doctest's LTO flags, and the environment rustdoc and the doctests
 * it runs see (the package's CARGO_* variables, OUT_DIR, the script's variables).
 */
import { planLto } from '../compiler/plan/profile-for'
import { ltoArgs } from '../compiler/profile/unit-lto'
import type { BuildResult } from '../compiler/build-runner'
import { unitLayout } from '../compiler/layout'
import type { BuildScriptOutput } from '../compiler/build-script/build-output'
import { packageEnv } from '../compiler/build-script/package-env'
import type { Unit } from '../compiler/unit'
import { lintFlags } from '../manifest/read-lints'
import type { Target } from '../manifest/model'
import { declaredFeatures } from '../resolver/features'
import { relativeOrAbsolute } from '../tools/paths'
import type { Env, TestBinary } from '../test-runner/test-binary'
import {
  doctestExterns,
  doctestLibraryPath,
  nativeDirs,
  ownScriptOutput,
  scriptFlags
} from './doc-test-inputs'
import { rustdocTestArgs, type RustdocColor } from './rustdoc-args'

/** One library's doc tests: a harness whose program is rustdoc. */
export interface DocTest extends TestBinary {
  /** The library target's name, for cargo's "Doc-tests NAME" line. */
  readonly name: string
  readonly args: readonly string[]
  /** The library's `harness` setting: cargo's note about captured output needs it on. */
  readonly libHarness: boolean
}

/** What every doc test of one `test` run shares. */
export interface DocTestContext {
  readonly rustdoc: string
  /** cargo runs rustdoc from the workspace root and names members' sources relative to it. */
  readonly workspaceRoot: string
  /** What follows `--` (a filter, `--nocapture`…), passed on as `--test-args`. */
  readonly args: readonly string[]
  readonly env: Env
  readonly color: RustdocColor
  readonly errorFormat: 'human' | 'json'
  /** Build scripts' output by the id of the unit that ran them, as the build reported it. */
  readonly scripts: ReadonlyMap<string, BuildScriptOutput>
  /** Whether cargo's rerun hint names the package (`-p demo --doc`). */
  readonly needsPackageSpec: boolean
  /** `--check-cfg` arrived in rustc 1.80; older compilers reject it. */
  readonly checkCfg: boolean
}

/** The doc tests of `lib`, whose library unit `unit` the build compiled. */
export function docTestFor(build: BuildResult, unit: Unit, lib: Target, o: DocTestContext): DocTest {
  const { layout } = build
  const m = unit.node.pkg.manifest
  const script = ownScriptOutput(unit, o.scripts)
  const native = nativeDirs(o.scripts, unit)
  // A doctest is a linked program built with the library's profile: LTO as for a test harness.
  const asProgram: Unit = { ...unit, test: true }
  const lto = ltoArgs(planLto([asProgram]).get(asProgram)!)
  const local = unit.node.source.kind === 'path'
  const src = local ? relativeOrAbsolute(o.workspaceRoot, lib.srcPath) : lib.srcPath
  // The doctests are built for the library's kind: a proc-macro's for the host, without `--target`.
  const targetKind = unitLayout(unit, layout)
  // A proc-macro's doctests run on the host: with a named target, the host triple's runner and linker.
  const { runner, linker, rustdocflags = [] } = unit.forHost && layout.host ? build.hostTools : build.tools
  const args = rustdocTestArgs({
    crateName: lib.crateName,
    crateTypes: lib.crateTypes,
    edition: lib.edition,
    color: o.color,
    src,
    runDirectory: m.rootDir,
    ...(targetKind.triple !== undefined ? { target: targetKind.triple } : {}),
    ...(runner !== undefined ? { runner } : {}),
    ...(linker !== undefined ? { linker } : {}),
    nativeDirs: native,
    testArgs: o.args,
    lints: lintFlags(m.lints),
    externs: doctestExterns(build.plan.units, unit, layout),
    procMacro: lib.crateTypes.includes('proc-macro'),
    depsDirs: targetKind.host ? [targetKind.deps, targetKind.host.deps] : [targetKind.deps],
    lto,
    features: unit.features,
    ...(o.checkCfg ? { declaredFeatures: declaredFeatures(unit.node.pkg) } : {}),
    script: scriptFlags(script),
    rustdocflags,
    errorFormat: o.errorFormat
  })
  const env: Record<string, string | undefined> = {
    ...o.env,
    ...packageEnv(m.package, m.rootDir, m.path),
    CARGO_CRATE_NAME: lib.crateName,
    ...doctestLibraryPath(native, layout, o.env),
    ...(unit.outDir ? { OUT_DIR: unit.outDir } : {})
  }
  for (const { key, value } of script?.env ?? []) env[key] = value
  const name = m.package.name
  return {
    suite: `Doc-tests ${lib.name}`,
    name: lib.name,
    executable: o.rustdoc,
    args,
    libHarness: lib.harness,
    // Outside the workspace root a source is named absolutely and rustdoc runs in its package.
    cwd: src === lib.srcPath ? m.rootDir : o.workspaceRoot,
    env,
    target: { kind: 'lib', name: lib.name },
    ...(o.needsPackageSpec ? { packageSpec: name } : {})
  }
}

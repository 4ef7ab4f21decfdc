/**
 * The rustc command line and environment for one compile unit, following cargo's
 * `build_base_args`: the same flags cargo passes, so output and behaviour match.
 */
import { lintFlags } from '../manifest/read-lints'
import { join } from 'node:path'
import { parseVersion } from '@shared/rules/semver'
import { declaredFeatures } from '../resolver/features'
import { unitLayout, type Layout } from './layout'
import { planLto } from './plan/profile-for'
import { profileArgParts, type UnitLto } from './profile'
import type { Unit } from './unit'
import { relativeOrAbsolute } from '../tools/paths'
import { finalExecutable, outputDir, unitArtifacts, type UnitArtifacts } from './artifacts'
import { packageEnv } from './build-script/package-env'
import type { BuildScriptOutput } from './build-script/build-output'
import { scriptRustcArgs } from './build-script/script-rustc-args'

export interface RustcInvocation {
  readonly args: readonly string[]
  readonly env: Readonly<Record<string, string>>
  readonly cwd: string
  readonly artifacts: UnitArtifacts
}

export interface InvocationContext {
  readonly layout: Layout
  /** cargo runs rustc from the workspace root and names local sources relative to it. */
  readonly cwd: string
  readonly baseEnv: Readonly<Record<string, string | undefined>>
  /** ANSI renderings for the console and colour terminals; plain ones for JSON consumers. */
  readonly colourDiagnostics?: boolean
  /** rustc's release (`1.95.0`), to leave out flags older compilers reject. */
  readonly rustc?: { readonly release: string }
  /** RUSTFLAGS and the configuration's rustflags. */
  readonly rustflags?: readonly string[]
  /** The configured linker for the target's units, and the host's (see `unitLinker`). */
  readonly linker?: string
  readonly hostLinker?: string
  /** Build scripts' output by the id of the unit that ran them. */
  readonly scriptOutputs?: ReadonlyMap<string, BuildScriptOutput>
  /**
   * Each unit's LTO decision over the whole graph (`BuildPlan.lto`); a unit not in it is decided
   * as if it were built on its own.
   */
  readonly lto?: ReadonlyMap<Unit, UnitLto>
}

/** `--check-cfg` arrived in rustc 1.80; older compilers reject the flag. */
function supportsCheckCfg(release: string | undefined): boolean {
  const v = release ? parseVersion(release.split('-')[0] ?? '') : undefined
  return !v || Number(v.major) > 1 || Number(v.minor) >= 80
}

export function rustcInvocation(unit: Unit, ctx: InvocationContext): RustcInvocation {
  const t = unit.target
  if (!t) throw new Error(`unit ${unit.id} has no target to compile`)
  const { layout } = ctx
  const artifacts = unitArtifacts(unit, layout)
  const { src, cwd } = sourceArgs(unit, ctx.cwd)
  const local = isLocal(unit)
  const needsMetadata = artifacts.rmeta !== undefined
  const args: string[] = [
    '--crate-name',
    t.crateName,
    `--edition=${t.edition}`,
    src,
    '--error-format=json',
    `--json=${ctx.colourDiagnostics === false ? '' : 'diagnostic-rendered-ansi,'}artifacts,future-incompat`,
    // A test is an executable whatever the target's crate types: rustc gets none.
    ...(unit.test ? [] : t.crateTypes.flatMap((c) => ['--crate-type', c])),
    `--emit=dep-info,${needsMetadata ? 'metadata,' : ''}link`
  ]
  // Its test harness too: cargo passes both, and `use proc_macro::…` in unit tests needs the extern.
  const procMacro = t.crateTypes.includes('proc-macro')
  if (procMacro) args.push('-C', 'prefer-dynamic')
  // cargo's `build_base_args` puts the profile's flags in four places; the rest goes between.
  const profile = profileArgParts(unit.profile, ctx.lto?.get(unit) ?? planLto([unit]).get(unit)!)
  args.push(...profile.codegen, ...profile.checks)
  // The package's `[lints]`, for the user's own code only (dependencies' are capped anyway).
  if (local) args.push(...lintFlags(unit.node.pkg.manifest.lints))
  // libtest's harness, or only `cfg(test)` for a test target with `harness = false`.
  if (unit.test) args.push(...(t.harness ? ['--test'] : ['--cfg', 'test']))
  for (const f of unit.features) args.push('--cfg', `feature="${f}"`)
  if (supportsCheckCfg(ctx.rustc?.release)) {
    const allFeatures = declaredFeatures(unit.node.pkg).map((f) => JSON.stringify(f))
    args.push('--check-cfg', 'cfg(docsrs,test)')
    args.push('--check-cfg', `cfg(feature, values(${allFeatures.join(', ')}))`)
  }
  args.push('-C', `metadata=${unit.hash}`)
  if (artifacts.extraFilename) args.push('-C', `extra-filename=${artifacts.extraFilename}`)
  args.push(...profile.rpath)
  args.push('--out-dir', outputDir(unit, layout))
  const dirs = unitLayout(unit, layout)
  // A named target goes to rustc for the target's units only; host units are built for the host.
  const triple = unit.forHost ? undefined : layout.triple
  if (triple !== undefined) args.push('--target', triple)
  const linker = unitLinker(unit, ctx)
  if (linker !== undefined) args.push('-C', `linker=${linker}`)
  // The profile keeps incremental compilation to path packages, the code that changes.
  if (unit.profile.incremental) args.push('-C', `incremental=${dirs.incremental}`)
  args.push(...profile.strip)
  args.push('-L', `dependency=${dirs.deps}`)
  // Proc-macros the target's crates use are in the host's folder.
  if (dirs !== layout.host && layout.host) args.push('-L', `dependency=${layout.host.deps}`)
  // The 2014 build command's OUT_DIR is where its native libraries are.
  if (unit.outDir && !unit.buildScript) args.push('-L', `native=${unit.outDir}`)
  for (const dep of unit.deps) {
    if (!dep.externName) continue
    const a = unitArtifacts(dep.unit, layout)
    const path = dep.needs === 'metadata' && a.rmeta ? a.rmeta : a.linkable
    if (path) args.push('--extern', `${dep.externName}=${path}`)
  }
  if (procMacro) args.push('--extern', 'proc_macro')
  // Someone else's code: its warnings are not the user's to fix (cargo shows them only with -vv).
  if (!local) args.push('--cap-lints', 'allow')
  const script = scriptRustcArgs(unit, ctx.scriptOutputs ?? new Map())
  args.push(...script.args)
  args.push(...unitRustflags(unit, ctx))
  return { args, env: { ...rustcEnv(unit, ctx), ...script.env }, cwd, artifacts }
}

/**
 * The extra flags (RUSTFLAGS, `build.rustflags`, `target.<triple>.rustflags`) a unit gets: all of
 * them without a named target, where host and target units are shared; with one, cargo gives
 * host units none (`[host]` flags need a nightly cargo).
 */
export function unitRustflags(
  unit: Pick<Unit, 'forHost'>,
  ctx: { readonly layout: Layout; readonly rustflags?: readonly string[] }
): readonly string[] {
  if (unit.forHost && ctx.layout.host) return []
  return ctx.rustflags ?? []
}

/**
 * The configured linker a unit's rustc gets (`-C linker=`), which build scripts also see as
 * `RUSTC_LINKER`: the target's for target units; with a named target, host units get the host
 * triple's (stable cargo applies `[target.<host>]` to them), and without one the two are the same.
 */
export function unitLinker(
  unit: Pick<Unit, 'forHost'>,
  ctx: { readonly layout: Layout; readonly linker?: string; readonly hostLinker?: string }
): string | undefined {
  return unit.forHost && ctx.layout.host ? ctx.hostLinker : ctx.linker
}

/** Path packages are the user's code; registry and git packages are dependencies fetched for them. */
export function isLocal(unit: Unit): boolean {
  return unit.node.source.kind === 'path'
}

/**
 * cargo's `path_args`: a path package's source below the workspace root is named relative to it
 * and compiled from there (short, movable paths in diagnostics); anything else is named absolutely
 * and compiled from its own folder.
 */
function sourceArgs(unit: Unit, workspaceRoot: string): { src: string; cwd: string } {
  const srcPath = unit.target!.srcPath
  const rel = relativeOrAbsolute(workspaceRoot, srcPath)
  if (isLocal(unit) && rel !== srcPath) return { src: rel, cwd: workspaceRoot }
  return { src: srcPath, cwd: unit.node.pkg.manifest.rootDir }
}

/** `target/tmp`: integration tests' scratch folder (CARGO_TARGET_TMPDIR), which cargo creates. */
export function targetTmpDir(layout: Layout): string {
  return join(layout.targetDir, 'tmp')
}

/** The CARGO_* variables cargo gives rustc, so `env!("CARGO_PKG_VERSION")` and friends work. */
export function rustcEnv(unit: Unit, ctx: InvocationContext): Record<string, string> {
  const m = unit.node.pkg.manifest
  const env: Record<string, string> = {}
  for (const [k, val] of Object.entries(ctx.baseEnv)) if (val !== undefined) env[k] = val
  Object.assign(env, packageEnv(m.package, m.rootDir, m.path), {
    CARGO_CRATE_NAME: unit.target?.crateName ?? ''
  })
  if (unit.primary) env.CARGO_PRIMARY_PACKAGE = '1'
  else delete env.CARGO_PRIMARY_PACKAGE
  if (unit.kind === 'bin') env.CARGO_BIN_NAME = unit.target!.name
  if (unit.outDir) env.OUT_DIR = unit.outDir
  if (unit.kind === 'test' || unit.kind === 'bench') {
    // What integration tests find with env!(): the programs built before them, and a scratch folder.
    for (const { unit: dep } of unit.deps) {
      const exe = dep.kind === 'bin' && !dep.test ? finalExecutable(dep, ctx.layout) : undefined
      if (exe) env[`CARGO_BIN_EXE_${dep.target!.name}`] = exe
    }
    env.CARGO_TARGET_TMPDIR = targetTmpDir(ctx.layout)
  }
  return env
}

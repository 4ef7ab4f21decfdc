/**
 * What a library's doc tests need from a finished build, found among its units as cargo's
 * doctest unit would have them: the library's own rlib, the normal and dev-dependencies it
 * links (as `--extern`), what its build script printed, and the search paths of every script.
 */
import { delimiter } from 'node:path'
import type { Target } from '../manifest/model'
import { compareSourceIds, compareStrings, compareVersions } from '../resolver/feature-resolver/package-order'
import { unitArtifacts } from '../compiler/artifacts'
import type { BuildScriptOutput } from '../compiler/build-script/build-output'
import type { Layout } from '../compiler/layout'
import type { Unit, UnitDep } from '../compiler/unit'
import { libraryPathVariable } from '../tools/library-path'
import { isInside } from '../tools/paths'
import type { DocTestScriptFlags } from './rustdoc-args'

/** cargo's `doctestable`: only a library other crates can link (`lib`, `rlib`, `proc-macro`) has doc tests. */
export function isDoctestable(lib: Target): boolean {
  return lib.crateTypes.some((t) => t === 'lib' || t === 'rlib' || t === 'proc-macro')
}

function isLibOf(u: Unit, pkgKey: string): boolean {
  return u.pkgKey === pkgKey && u.mode === 'compile' && !u.test && u.target?.kind === 'lib'
}

/**
 * The library unit a doctest links. Doc tests always unwind, so the copy test harnesses link
 * (built to unwind) wins over one built with the profile's `panic = "abort"`; a proc-macro is
 * built for the host, any other library for the target.
 */
export function libraryUnit(units: readonly Unit[], pkgKey: string): Unit | undefined {
  const libs = units.filter((u) => isLibOf(u, pkgKey))
  const score = (u: Unit) =>
    (u.profile.panic === 'unwind' ? 2 : 0) +
    (u.forHost === u.target!.crateTypes.includes('proc-macro') ? 1 : 0)
  return libs.sort((a, b) => score(b) - score(a))[0]
}

/**
 * The dependencies a doctest links: the package's dev-dependencies too, so they come from a
 * unit built with them (the library's unit tests, else an integration test, bench or example);
 * the library's own dependencies when no such unit was built.
 */
function linkedDeps(units: readonly Unit[], pkgKey: string, lib: Unit): readonly UnitDep[] {
  const own = (u: Unit) => u.pkgKey === pkgKey && u.mode === 'compile'
  const withDev =
    units.find((u) => own(u) && u.test && u.target?.kind === 'lib') ??
    units.find((u) => own(u) && (u.test || u.target?.kind === 'example' || u.target?.kind === 'bench'))
  return (withDev ?? lib).deps.filter((d) => d.externName !== undefined && !isLibOf(d.unit, pkgKey))
}

export interface Extern {
  readonly name: string
  readonly path: string
}

/**
 * `--extern` for the library and everything it links, in the order cargo sorts its units (by
 * package name, version, then source), each linked in full: rustdoc links a program.
 */
export function doctestExterns(units: readonly Unit[], lib: Unit, layout: Layout): Extern[] {
  const entries: { name: string; unit: Unit }[] = [
    { name: lib.target!.crateName, unit: lib },
    ...linkedDeps(units, lib.pkgKey, lib).map((d) => ({ name: d.externName!, unit: d.unit }))
  ]
  const key = (u: Unit) => u.node.pkg.manifest.package
  entries.sort(
    (a, b) =>
      compareStrings(key(a.unit).name, key(b.unit).name) ||
      compareVersions(key(a.unit).version, key(b.unit).version) ||
      compareSourceIds(a.unit.node.source, b.unit.node.source) ||
      compareStrings(a.name, b.name)
  )
  const seen = new Set<string>()
  const out: Extern[] = []
  for (const e of entries) {
    const path = unitArtifacts(e.unit, layout).linkable
    if (!path || seen.has(e.name)) continue
    seen.add(e.name)
    out.push({ name: e.name, path })
  }
  return out
}

/** The library's own build script's output, if it has one and it ran (or was fresh). */
export function ownScriptOutput(
  lib: Unit,
  scripts: ReadonlyMap<string, BuildScriptOutput>
): BuildScriptOutput | undefined {
  return lib.buildScript ? scripts.get(lib.buildScript.id) : undefined
}

/** cfgs, check-cfgs and the link arguments meant for every target (cargo's `LinkArgTarget::All`). */
export function scriptFlags(output: BuildScriptOutput | undefined): DocTestScriptFlags {
  if (!output) return { cfgs: [], checkCfgs: [], linkArgs: [] }
  return {
    cfgs: output.cfgs,
    checkCfgs: output.checkCfgs,
    linkArgs: output.linkerArgs.filter((a) => a.target.type === 'all').map((a) => a.arg)
  }
}

/**
 * cargo's `native_dirs`: the search paths of every build script in the build, sorted and once
 * each. The 2014 build command's OUT_DIR is where its native libraries are, as for rustc.
 */
export function nativeDirs(scripts: ReadonlyMap<string, BuildScriptOutput>, lib: Unit): string[] {
  const dirs = new Set<string>()
  for (const output of scripts.values()) for (const p of output.libraryPaths) dirs.add(p.value)
  if (lib.outDir && !lib.buildScript) dirs.add(`native=${lib.outDir}`)
  return [...dirs].sort(compareStrings)
}

/**
 * The library search path rustdoc runs with (cargo's `fill_env` for rustdoc, a host tool): native
 * folders the build scripts made inside the host's target/<profile>/, then its deps/, then what
 * the variable already held. With a named target these are still the host's folders, as in cargo.
 */
export function doctestLibraryPath(
  native: readonly string[],
  buildLayout: Layout,
  base: Readonly<Record<string, string | undefined>>
): Record<string, string> {
  const layout = buildLayout.host ?? buildLayout
  const inTarget = native.map((d) => d.replace(/^(native|crate|dependency|framework|all)=/, ''))
  const dirs = [...inTarget.filter((d) => isInside(layout.dest, d)), layout.deps]
  const variable = libraryPathVariable()
  const existing = base[variable]
  const joined = dirs.join(delimiter)
  return {
    [variable]:
      existing && (existing === joined || existing.startsWith(`${joined}${delimiter}`))
        ? existing
        : [joined, existing].filter(Boolean).join(delimiter)
  }
}

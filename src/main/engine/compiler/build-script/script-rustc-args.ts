/**
 * What build scripts' output changes in a rustc call (cargo's `add_native_deps` and
 * `add_custom_flags`): every script upstream contributes its library search paths, so the
 * final link finds native libraries; the package's own script also contributes its `-l`
 * libraries, link arguments for the unit's kind of target, cfgs, check-cfgs and variables.
 */
import type { Unit } from '../unit'
import type { BuildScriptOutput, LinkArgTarget } from './build-output'

export interface ScriptRustcArgs {
  readonly args: readonly string[]
  readonly env: Readonly<Record<string, string>>
}

/** The `run-custom-build` units a unit's dependencies reach, nearest first, each once. */
export function upstreamScripts(unit: Unit): Unit[] {
  const found: Unit[] = []
  const seen = new Set<Unit>()
  const walk = (u: Unit) => {
    for (const d of u.deps) {
      if (seen.has(d.unit)) continue
      seen.add(d.unit)
      if (d.unit.mode === 'run-build-script') found.push(d.unit)
      // A script's own build-dependencies run at build time; they link nothing into this unit.
      if (d.unit.kind !== 'custom-build' && d.unit.mode !== 'run-build-script') walk(d.unit)
    }
  }
  walk(unit)
  return found
}

export function scriptRustcArgs(
  unit: Unit,
  outputs: ReadonlyMap<string, BuildScriptOutput>
): ScriptRustcArgs {
  const args: string[] = []
  const env: Record<string, string> = {}
  const scripts = upstreamScripts(unit)
  // Paths inside a script's OUT_DIR go first, so a library it built wins over a system one.
  const paths = scripts.flatMap((s) => outputs.get(s.id)?.libraryPaths ?? [])
  for (const p of [...paths.filter((p) => p.inOutDir), ...paths.filter((p) => !p.inOutDir)])
    args.push('-L', p.value)
  const own = unit.buildScript ? outputs.get(unit.buildScript.id) : undefined
  if (!own) return { args, env }
  // Libraries are named when compiling the package's own crates; rlibs carry them onwards.
  for (const lib of own.libraryLinks) args.push('-l', lib.value)
  for (const a of own.linkerArgs) if (linkArgApplies(a.target, unit)) args.push('-C', `link-arg=${a.arg}`)
  for (const cfg of own.cfgs) args.push('--cfg', cfg)
  for (const check of own.checkCfgs) args.push('--check-cfg', check)
  for (const { key, value } of own.env) env[key] = value
  return { args, env }
}

function linkArgApplies(target: LinkArgTarget, unit: Unit): boolean {
  const t = unit.target
  if (!t || unit.kind === 'custom-build') return false
  const exe = unit.test || t.crateTypes.includes('bin')
  switch (target.type) {
    case 'all':
      return exe || t.crateTypes.includes('cdylib')
    case 'cdylib':
      return !unit.test && t.crateTypes.includes('cdylib')
    case 'bins':
      return t.kind === 'bin' && !unit.test
    case 'bin':
      return t.kind === 'bin' && !unit.test && t.name === target.bin
    case 'tests':
      return unit.test && t.kind === 'test'
    case 'benches':
      return unit.test && t.kind === 'bench'
    case 'examples':
      return t.kind === 'example' && !unit.test
  }
}

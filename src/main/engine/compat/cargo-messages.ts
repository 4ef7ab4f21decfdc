/**
 * `--message-format json` lines, field for field as cargo prints them, so tools that read
 * cargo's JSON (editors, CI annotators) work unchanged.
 */
import type { Target } from '../manifest/model'
import type { Profile } from '../compiler/profile'
import type { EngineEvent } from '../compiler/events'
import type { Unit } from '../compiler/unit'

/** The `target` object cargo uses in messages and in `cargo metadata`. */
export function cargoTargetJson(t: Target, buildScript = false): Record<string, unknown> {
  return {
    kind: buildScript ? ['custom-build'] : t.kind === 'lib' ? [...t.crateTypes] : [t.kind],
    crate_types: [...t.crateTypes],
    name: t.name,
    src_path: t.srcPath,
    edition: t.edition,
    ...(t.requiredFeatures.length ? { 'required-features': [...t.requiredFeatures] } : {}),
    doc: t.documented,
    doctest: t.doctested,
    test: t.tested
  }
}

export function cargoProfileJson(p: Profile, test = false): Record<string, unknown> {
  return {
    opt_level: p.optLevel,
    debuginfo: p.debuginfo,
    debug_assertions: p.debugAssertions,
    overflow_checks: p.overflowChecks,
    test
  }
}

function unitFields(unit: Unit): Record<string, unknown> {
  return {
    package_id: unit.node.id,
    manifest_path: unit.node.pkg.manifest.path,
    ...(unit.target ? { target: cargoTargetJson(unit.target, unit.kind === 'custom-build') } : {})
  }
}

/** The JSON line for an engine event, or undefined when cargo prints none for it. */
export function cargoMessage(e: EngineEvent): string | undefined {
  if (e.type === 'compiler-message') {
    return JSON.stringify({ reason: 'compiler-message', ...unitFields(e.unit), message: e.message })
  }
  if (e.type === 'compiler-artifact') {
    return JSON.stringify({
      reason: 'compiler-artifact',
      ...unitFields(e.unit),
      profile: cargoProfileJson(e.unit.profile, e.unit.test),
      features: e.unit.features,
      filenames: e.filenames,
      executable: e.executable,
      fresh: e.fresh
    })
  }
  if (e.type === 'build-script-executed') {
    const o = e.output
    return JSON.stringify({
      reason: 'build-script-executed',
      package_id: e.unit.node.id,
      linked_libs: o.libraryLinks.map((l) => l.value),
      linked_paths: o.libraryPaths.map((l) => l.value),
      cfgs: o.cfgs,
      env: o.env.map((v) => [v.key, v.value]),
      out_dir: e.unit.outDir ?? null
    })
  }
  return undefined
}

export function buildFinishedMessage(success: boolean): string {
  return JSON.stringify({ reason: 'build-finished', success })
}

/**
 * Which profile each unit is compiled with, as cargo 1.95 decides it. Every unit of a build uses
 * the profile the command asked for (`cargo test` asks for `test`, dependencies included), shaped
 * by the unit: host units (build scripts, proc-macros and what they use) compile fast, test
 * harnesses and what they link always unwind, package overrides apply by name. Two things wait
 * for the unit graph (cargo's `rebuild_unit_graph_shared`): the default strip, which looks at the
 * direct dependencies, and a host unit's debuginfo, dropped when no unit for the target shares it.
 * Link-time optimisation is decided over the finished graph (`core/compiler/lto.rs`).
 */
import {
  applyStripRule,
  computeUnitLto,
  profileIdentity,
  RELEASE_DEFAULTS,
  weakenDebuginfo,
  type LtoUnitInfo,
  type Profile,
  type ProfilePackage,
  type Profiles,
  type UnitLto
} from '../profile'
import type { Unit } from '../unit'

/** What the planner knows about a unit when it asks for its profile. */
export interface ProfileRequest {
  readonly pkg: ProfilePackage
  /** Built for the machine running the build. */
  readonly forHost: boolean
  /** A test harness, or something one links (cargo's `PanicSetting::AlwaysUnwind`). */
  readonly alwaysUnwind: boolean
}

/** A unit's profile before the graph is known (cargo's `Profiles::get_profile`). */
export type ProfileChooser = (request: ProfileRequest) => Profile

/**
 * Every unit gets profile `name` from `profiles`; `target` is the triple units are built for
 * (the host, without `--target`), which decides the default `split-debuginfo`.
 */
export function profileChooser(profiles: Profiles, name: string, target?: string): ProfileChooser {
  return ({ pkg, forHost, alwaysUnwind }) =>
    profiles.forUnit(name, pkg, forHost, {
      ...(alwaysUnwind ? { alwaysUnwind } : {}),
      ...(target === undefined ? {} : { target })
    })
}

/**
 * The profile a unit ends with, once its direct dependencies' profiles are final: the default
 * strip looks at them; then a host unit that no unit for the target shares (`shared` false)
 * loses the debuginfo nobody asked for. A host unit that is shared keeps it, settled.
 */
export function settleProfile(
  raw: Profile,
  deps: readonly Profile[],
  host: { readonly forHost: boolean; readonly shared: boolean }
): Profile {
  const p = applyStripRule(raw, deps)
  if (!host.forHost || !p.debuginfoDeferred) return p
  return host.shared ? { ...p, debuginfoDeferred: false } : weakenDebuginfo(p)
}

/**
 * The profile of running a build script: cargo's `get_profile_run_custom_build` keeps only what
 * the script sees (`PROFILE`, `OPT_LEVEL`, `DEBUG`, `debug_assertions`) from the unit it runs
 * for, the rest at cargo's `Profile::default` (release's defaults but for `opt-level`). So a
 * library and its test harness, which differ in `panic`, run the script once.
 */
export function scriptRunProfile(p: Profile): Profile {
  return {
    ...RELEASE_DEFAULTS,
    name: p.name,
    dirName: p.dirName,
    root: p.root,
    optLevel: p.optLevel,
    debug: p.debug,
    debuginfo: p.debuginfo,
    debuginfoDeferred: p.debuginfoDeferred,
    debugAssertions: p.debugAssertions
  }
}

/**
 * What tells two units' profiles apart for their hash: every setting but the name (cargo's
 * `Profile::comparable`), so `test` reuses what `dev` built with the same settings.
 */
export function profileHashKey(p: Profile): string {
  return profileIdentity({ ...p, name: '' })
}

/** What cargo's LTO pass reads of a unit: a harness is a `bin`; scripts and proc-macros run on the host. */
export function unitLtoInfo(unit: Unit): LtoUnitInfo {
  const declared = unit.target?.crateTypes ?? []
  return {
    crateTypes: unit.test ? ['bin'] : declared,
    hostTarget: unit.mode !== 'compile' || unit.kind === 'custom-build' || declared.includes('proc-macro'),
    lto: unit.profile.lto
  }
}

/** Each unit's LTO decision, walking down from the units the command asked for. */
export function planLto(requested: readonly Unit[]): Map<Unit, UnitLto> {
  return computeUnitLto(requested, (u) => u.deps.map((d) => d.unit), unitLtoInfo)
}

/**
 * Planning (cargo's `unit_dependencies`): from the resolved workspace, its resolver-2 features
 * and the user's selection to a list of Units in dependency order. Build scripts and
 * proc-macros, and everything they use, are built for the host with the host's features and
 * profile; a package with a build script compiles after the script ran. Each unit's profile is
 * settled as cargo settles it (`plan/profile-for.ts`), and a host unit identical to a unit for
 * the target is that unit. A build that names its target (`layout.triple`, even the host's) never
 * shares: host and target units differ in hash and folders, as with cargo's `--target`. Pure: no
 * file system, no processes. The runner executes what this returns.
 */
import { join } from 'node:path'
import { crateNameOf } from '@shared/rules/package-name'
import { EngineError } from '../errors'
import type { Package, Target } from '../manifest/model'
import { activeDependencies } from '../resolver/feature-resolver/active-dependencies'
import type { FeaturesFor } from '../resolver/feature-resolver/feature-resolver'
import {
  isProcMacroPackage,
  type WorkspaceFeatures
} from '../resolver/feature-resolver/resolve-workspace-features'
import { HOST, type CompileKind, type TargetData } from '../resolver/feature-resolver/target-data'
import { sourceIdString } from '../sources/source-id'
import { packageIdSpec, type PackageNode } from '../workspace/package-graph'
import type { ResolvedWorkspace } from '../workspace/resolved-workspace'
import { unitLayout, type Layout } from './layout'
import {
  planLto,
  profileHashKey,
  scriptRunProfile,
  settleProfile,
  type ProfileChooser
} from './plan/profile-for'
import { selectionFor, selectTargets, type TargetSelection } from './plan/target-selection'
import { profileIdentity, type Profile, type UnitLto } from './profile'
import { shortHash, type Unit, type UnitDep } from './unit'

export type { TargetSelection } from './plan/target-selection'
export type { ProfileChooser, ProfileRequest } from './plan/profile-for'

export interface PlanInput {
  readonly ws: ResolvedWorkspace
  readonly features: WorkspaceFeatures
  readonly targetData: TargetData
  readonly profileFor: ProfileChooser
  readonly layout: Layout
  readonly selection: TargetSelection
  /** The packages whose targets the selection picks (`packageIdKey`s); default: the current or first member. */
  readonly roots?: readonly string[]
  /** rustc's `-vV`: part of every hash, so a new toolchain never reuses old artifacts. */
  readonly rustcVersion: string
}

export interface BuildPlan {
  /** Every unit, dependencies before dependents. */
  readonly units: readonly Unit[]
  /** The units the user asked for. */
  readonly requested: readonly Unit[]
  /** What each unit does about link-time optimisation (`-C lto`, `linker-plugin-lto`, `embed-bitcode`). */
  readonly lto: ReadonlyMap<Unit, UnitLto>
  readonly warnings: readonly string[]
}

/** Crate types that other crates can link against with `--extern`. */
const LINKABLE = new Set(['lib', 'rlib', 'dylib', 'proc-macro'])

export function isLinkable(target: Target): boolean {
  return target.crateTypes.some((t) => LINKABLE.has(t))
}

/** Units whose output is an rlib only: dependents that do not link may use its metadata. */
function rlibOnly(t: Target): boolean {
  return t.crateTypes.every((c) => c === 'lib' || c === 'rlib')
}

export function planBuild(input: PlanInput): BuildPlan {
  // Whether a host unit keeps its debuginfo depends on the units built for the target anywhere in
  // the graph, as in cargo's second pass over its unit graph: plan once to learn them, then again.
  const { targetUnits } = new Planner(input, new Set()).plan()
  return new Planner(input, targetUnits).plan()
}

class Planner {
  private readonly units: Unit[] = []
  private readonly warnings: string[] = []
  private readonly byKey = new Map<string, Unit>()
  private readonly byHash = new Map<string, Unit>()
  private readonly nodes = new Map<string, PackageNode>()
  private readonly ids = new Set<string>()
  private readonly rootKeys: ReadonlySet<string>
  /** The `sharing` key (see `settle`) of every unit built for the target. */
  private readonly targetUnits = new Set<string>()

  constructor(
    private readonly input: PlanInput,
    /** The `targetUnits` of a previous pass: host units found there are shared, not weakened. */
    private readonly knownTargetUnits: ReadonlySet<string>
  ) {
    const roots = input.roots ?? [input.ws.current ?? input.ws.members[0]].filter((k) => k !== undefined)
    if (roots.length === 0) throw new EngineError('internal', 'The resolve has no workspace member.')
    this.rootKeys = new Set(roots)
  }

  plan(): BuildPlan & { readonly targetUnits: ReadonlySet<string> } {
    const requested: Unit[] = []
    const packages = [...this.rootKeys].map((key) => this.node(key).pkg)
    for (const rootKey of this.rootKeys) {
      const root = this.node(rootKey)
      const fk: FeaturesFor = this.isProcMacro(rootKey) ? 'host' : 'normal'
      const features = this.input.features.features.features(rootKey, fk)
      const selection = selectionFor(root.pkg, this.input.selection, packages)
      // Test harnesses, and everything they link, always unwind.
      for (const { target, test } of selectTargets(root.pkg, selection, features))
        requested.push(this.compile(rootKey, target, fk, test, test))
    }
    return {
      units: this.units,
      requested,
      lto: planLto(requested),
      warnings: this.warnings,
      targetUnits: this.targetUnits
    }
  }

  private isProcMacro = (key: string): boolean => {
    const files = this.input.ws.packages.get(key)
    return files ? isProcMacroPackage(files.pkg) : false
  }

  private node(key: string): PackageNode {
    let node = this.nodes.get(key)
    if (!node) {
      const files = this.input.ws.packages.get(key)
      if (!files) throw new EngineError('internal', `The resolve names ${key} but did not load it.`)
      node = {
        id: packageIdSpec(files.id),
        pkg: files.pkg,
        isRoot: this.rootKeys.has(key),
        deps: [],
        source: files.id.source
      }
      this.nodes.set(key, node)
    }
    return node
  }

  private add(key: string, make: () => Unit): Unit {
    const known = this.byKey.get(key)
    if (known) return known
    let unit = make()
    // A host unit that came out identical to one for the target (same settings, features and
    // dependencies) is that unit: cargo builds it once.
    const same = this.byHash.get(unit.hash)
    if (same) {
      this.byKey.set(key, same)
      return same
    }
    // The same target built twice (for the host and the target with different features) keeps
    // distinct ids.
    if (this.ids.has(unit.id)) unit = { ...unit, id: `${unit.id} #${unit.hash.slice(0, 8)}` }
    this.ids.add(unit.id)
    this.byKey.set(key, unit)
    this.byHash.set(unit.hash, unit)
    this.units.push(unit)
    return unit
  }

  /** Whether the build names its target: host and target units are then never shared. */
  private get explicitTarget(): boolean {
    return this.input.layout.triple !== undefined
  }

  /**
   * Whether a unit planned `forHost` is a host unit: always with a named target; without one, when
   * no unit for the target is the same (it is that unit then).
   */
  private isHostUnit(forHost: boolean, sharing: string): boolean {
    return forHost && (this.explicitTarget || !this.knownTargetUnits.has(sharing))
  }

  /** What a unit's dependency tables are filtered for: the host, or the named target. */
  private compileKind(fk: FeaturesFor): CompileKind {
    const triple = this.input.layout.triple
    return fk === 'host' || triple === undefined ? HOST : { type: 'target', triple }
  }

  private isMember(key: string): boolean {
    return this.input.ws.members.includes(key)
  }

  /** The unit's profile from the `[profile]` tables alone, before the graph settles it. */
  private rawProfile(pkgKey: string, forHost: boolean, alwaysUnwind: boolean): Profile {
    const files = this.input.ws.packages.get(pkgKey)
    if (!files) throw new EngineError('internal', `The resolve names ${pkgKey} but did not load it.`)
    const pkg = {
      name: files.id.name,
      id: files.id,
      isMember: this.isMember(pkgKey),
      // Incremental compilation is for the user's own code: path packages.
      isLocal: files.id.source.kind === 'path'
    }
    return this.input.profileFor({ pkg, forHost, alwaysUnwind })
  }

  /**
   * The final profile of a unit whose dependencies are planned. `sharing` is what cargo looks for
   * when it decides whether a host unit is also built for the target (its probe unit).
   */
  private settle(raw: Profile, deps: readonly UnitDep[], forHost: boolean, sharing: string): Profile {
    if (!forHost) this.targetUnits.add(sharing)
    // With a named target cargo has no shared units to look for, and keeps the debuginfo level.
    const shared = forHost && (this.explicitTarget || this.knownTargetUnits.has(sharing))
    return settleProfile(
      raw,
      deps.map((d) => d.unit.profile),
      { forHost, shared }
    )
  }

  /**
   * One target of a package, compiled for `fk` (host units also for proc-macros); `unwind` when
   * a test harness links it.
   */
  private compile(pkgKey: string, target: Target, fk: FeaturesFor, test: boolean, unwind: boolean): Unit {
    const node = this.node(pkgKey)
    const forHost = fk === 'host'
    const raw = this.rawProfile(pkgKey, forHost, unwind)
    const features = this.input.features.features.features(pkgKey, fk)
    const identity = profileIdentity(raw)
    const key = JSON.stringify([
      'compile',
      pkgKey,
      target.kind,
      target.name,
      test,
      fk,
      unwind,
      identity,
      features
    ])
    const known = this.byKey.get(key)
    if (known) return known
    // Tests, examples and benches also use the dev-dependencies.
    const dev = test || target.kind === 'example' || target.kind === 'test' || target.kind === 'bench'
    const deps = this.libDeps(node, pkgKey, fk, dev, !test && rlibOnly(target), unwind)
    // Everything but the library links the package's own library, when it has one.
    const lib = node.pkg.targets.find((t) => t.kind === 'lib')
    if (lib && target.kind !== 'lib' && isLinkable(lib)) {
      deps.unshift({
        unit: this.compile(pkgKey, lib, fk, false, unwind),
        externName: lib.crateName,
        needs: 'link'
      })
    }
    // Integration tests and benches may run the package's programs (`CARGO_BIN_EXE_<name>`), so
    // cargo builds those first: each bin whose required features are on, as a plain build would.
    if (target.kind === 'test' || target.kind === 'bench') {
      for (const bin of node.pkg.targets) {
        if (bin.kind !== 'bin' || bin.requiredFeatures.some((f) => !features.includes(f))) continue
        deps.push({ unit: this.compile(pkgKey, bin, fk, false, false), needs: 'link' })
      }
    }
    const script = this.buildScript(pkgKey, node, fk, raw, features, unwind)
    if (script) deps.unshift({ unit: script, needs: 'run' })
    const command = script ? undefined : this.buildCommand(pkgKey, node, raw, features)
    if (command) deps.unshift({ unit: command, needs: 'run' })
    const outDir = (script ?? command)?.outDir
    const sharing = JSON.stringify(['compile', pkgKey, target.kind, target.name, test, identity, features])
    const profile = this.settle(raw, deps, forHost, sharing)
    // A host unit shared with the target is that unit, and is named as it.
    const host = this.isHostUnit(forHost, sharing)
    return this.add(key, () => ({
      id: `${node.id} ${test ? 'test ' : ''}${target.kind} ${target.name}${host && !node.isRoot ? ' (host)' : ''}`,
      pkgKey,
      node,
      kind: target.kind,
      target,
      mode: 'compile',
      test,
      forHost: host,
      profile,
      features,
      primary: node.isRoot,
      deps,
      hash: this.hash(
        node,
        ['compile', target.kind, target.name, target.crateTypes, target.edition, test],
        profile,
        features,
        deps,
        host
      ),
      ...(outDir ? { outDir } : {}),
      ...(script ? { buildScript: script } : {})
    }))
  }

  private hash(
    node: PackageNode,
    what: readonly unknown[],
    profile: Profile,
    features: readonly string[],
    deps: readonly UnitDep[],
    forHost: boolean
  ): string {
    const triple = this.input.layout.triple
    return shortHash([
      'crate-studio/3',
      // With a named target a unit's kind tells its files apart (cargo hashes `unit.kind`);
      // without one nothing changes, so earlier builds stay fresh.
      ...(triple === undefined ? [] : [forHost ? 'host' : triple]),
      node.id,
      // The exact source (a git commit, another registry): same-named packages never share files.
      sourceIdString(node.source),
      what,
      profileHashKey(profile),
      features,
      this.input.rustcVersion,
      deps.map((d) => [d.externName, d.unit.hash])
    ])
  }

  /**
   * The libraries a unit of `pkgKey` links: its active normal (and, for tests, examples and
   * benches, dev) dependencies, each built for the host when it is a proc-macro.
   */
  private libDeps(
    node: PackageNode,
    pkgKey: string,
    fk: FeaturesFor,
    dev: boolean,
    metadataSuffices: boolean,
    unwind: boolean
  ): UnitDep[] {
    const active = activeDependencies(this.input.features, this.input.targetData, this.isProcMacro, {
      pkg: pkgKey,
      featuresFor: fk,
      kind: this.compileKind(fk),
      dev
    })
    return this.depUnits(
      node,
      active.filter((a) => a.dep.kind !== 'build'),
      metadataSuffices,
      unwind
    )
  }

  private depUnits(
    node: PackageNode,
    active: ReturnType<typeof activeDependencies>,
    metadataSuffices: boolean,
    unwind: boolean
  ): UnitDep[] {
    const deps: UnitDep[] = []
    const seen = new Set<string>()
    for (const a of active) {
      const k = `${a.pkg}\0${a.featuresFor}\0${a.dep.name}`
      if (seen.has(k)) continue
      seen.add(k)
      const depPkg = this.node(a.pkg).pkg
      const lib = depPkg.targets.find((t) => t.kind === 'lib')
      if (!lib) {
        const p = node.pkg.manifest.package
        this.warnings.push(
          `${p.name} v${p.version} ignoring invalid dependency \`${a.dep.name}\` which is missing a lib target`
        )
        continue
      }
      // Host units unwind whatever their dependent does.
      const unit = this.compile(a.pkg, lib, a.featuresFor, false, unwind && a.featuresFor !== 'host')
      deps.push({
        unit,
        // Code names a dependency by its library's crate name, unless the manifest renames it.
        externName: a.dep.packageName !== a.dep.name ? crateNameOf(a.dep.name) : lib.crateName,
        needs: metadataSuffices && rlibOnly(lib) ? 'metadata' : 'link'
      })
    }
    return deps
  }

  /**
   * The units of a package's build script: compiling it for the host (with the package's
   * build-dependencies) and running it, after the scripts of dependencies with `links` ran.
   */
  private buildScript(
    pkgKey: string,
    node: PackageNode,
    fk: FeaturesFor,
    parent: Profile,
    features: readonly string[],
    unwind: boolean
  ): Unit | undefined {
    const scriptPath = node.pkg.buildScript
    if (!scriptPath) return undefined
    const runRaw = scriptRunProfile(parent)
    const runIdentity = profileIdentity(runRaw)
    const runKey = JSON.stringify(['run-build-script', pkgKey, fk, runIdentity, features])
    const known = this.byKey.get(runKey)
    if (known) return known
    const name = node.pkg.manifest.package.name
    const hostRaw = this.rawProfile(pkgKey, true, true)
    const compileKey = JSON.stringify(['custom-build', pkgKey, profileIdentity(hostRaw), features])
    const compile =
      this.byKey.get(compileKey) ??
      (() => {
        const active = activeDependencies(this.input.features, this.input.targetData, this.isProcMacro, {
          pkg: pkgKey,
          featuresFor: fk,
          kind: HOST,
          dev: false
        }).filter((a) => a.dep.kind === 'build')
        const deps = this.depUnits(node, active, false, false)
        const target = scriptTarget(node.pkg, scriptPath)
        // Nothing builds a build script for the target: it never shares, so never keeps debuginfo nobody set.
        const hostProfile = settleProfile(
          hostRaw,
          deps.map((d) => d.unit.profile),
          { forHost: true, shared: this.explicitTarget }
        )
        const hash = this.hash(node, ['custom-build', scriptPath], hostProfile, features, deps, true)
        return this.add(compileKey, () => ({
          id: `${node.id} build-script`,
          pkgKey,
          node,
          kind: 'custom-build',
          target,
          mode: 'compile',
          test: false,
          forHost: true,
          profile: hostProfile,
          features,
          primary: false,
          deps,
          hash,
          scriptDir: join(unitLayout({ forHost: true }, this.input.layout).build, `${name}-${hash}`)
        }))
      })()
    // The `links` metadata of direct dependencies' scripts reaches this one as DEP_* variables.
    const linksDeps: UnitDep[] = []
    for (const d of this.libDeps(node, pkgKey, fk, false, false, unwind)) {
      const depScript = d.unit.buildScript
      if (depScript && d.unit.node.pkg.manifest.package.links !== undefined)
        linksDeps.push({ unit: depScript, needs: 'run' })
    }
    const deps: UnitDep[] = [{ unit: compile, needs: 'link' }, ...linksDeps]
    const sharing = JSON.stringify(['run-build-script', pkgKey, runIdentity, features])
    const profile = this.settle(runRaw, deps, fk === 'host', sharing)
    const host = this.isHostUnit(fk === 'host', sharing)
    const hash = this.hash(node, ['run-build-script'], profile, features, deps, host)
    // The script's output is the package's: in the folders of the kind the package is built for.
    const dir = join(unitLayout({ forHost: host }, this.input.layout).build, `${name}-${hash}`)
    return this.add(runKey, () => ({
      id: `${node.id} run-build-script${host && !node.isRoot ? ' (host)' : ''}`,
      pkgKey,
      node,
      kind: 'run-custom-build',
      mode: 'run-build-script',
      test: false,
      forHost: host,
      profile,
      features,
      primary: false,
      deps,
      hash,
      outDir: join(dir, 'out'),
      scriptDir: dir
    }))
  }

  /** The 2014 `build = "COMMAND"`: run once per package before its crates compile. */
  private buildCommand(
    pkgKey: string,
    node: PackageNode,
    profile: Profile,
    features: readonly string[]
  ): Unit | undefined {
    const build = node.pkg.manifest.package.build
    if (build.type !== 'command') return undefined
    const key = JSON.stringify(['build-command', pkgKey, profileHashKey(profile), features])
    const hash = this.hash(node, ['build-command', build.command], profile, features, [], false)
    return this.add(key, () => ({
      id: `${node.id} build-command`,
      pkgKey,
      node,
      kind: 'build-command',
      mode: 'build-command',
      test: false,
      forHost: false,
      profile,
      features,
      primary: node.isRoot,
      deps: [],
      hash,
      outDir: join(this.input.layout.build, `${node.pkg.manifest.package.name}-${hash}`, 'out')
    }))
  }
}

/** The build script as a crate: cargo names it `build-script-build`, a binary in the package's edition. */
export function scriptTarget(pkg: Package, srcPath: string): Target {
  return {
    kind: 'bin',
    name: 'build-script-build',
    crateName: 'build_script_build',
    srcPath,
    crateTypes: ['bin'],
    edition: pkg.manifest.package.edition,
    requiredFeatures: [],
    tested: false,
    benched: false,
    doctested: false,
    documented: false,
    harness: false,
    origin: 'discovered'
  }
}

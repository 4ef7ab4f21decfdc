/**
 * Planning (cargo's `unit_dependencies`): from the resolved workspace, its resolver-2 features
 * and the user's selection to a list of Units in dependency order. Build scripts and
 * proc-macros, and everything they use, are built for the host with the host's features and
 * profile; a package with a build script compiles after the script ran. Pure: no file system,
 * no processes. The runner executes what this returns.
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
import { HOST, type TargetData } from '../resolver/feature-resolver/target-data'
import { sourceIdString } from '../sources/source-id'
import { packageIdSpec, type PackageNode } from '../workspace/package-graph'
import type { ResolvedWorkspace } from '../workspace/resolved-workspace'
import type { Layout } from './layout'
import { selectTargets, type TargetSelection } from './plan/target-selection'
import type { Profile } from './profile'
import { shortHash, type Unit, type UnitDep } from './unit'

export type { TargetSelection } from './plan/target-selection'

/** The profile a unit builds with: the command's, or the build-override one for host units. */
export type ProfileChooser = (pkg: Package, isMember: boolean, forHost: boolean, test: boolean) => Profile

export interface PlanInput {
  readonly ws: ResolvedWorkspace
  readonly features: WorkspaceFeatures
  readonly targetData: TargetData
  readonly profileFor: ProfileChooser
  readonly layout: Layout
  readonly selection: TargetSelection
  /** rustc's `-vV`: part of every hash, so a new toolchain never reuses old artifacts. */
  readonly rustcVersion: string
}

export interface BuildPlan {
  /** Every unit, dependencies before dependents. */
  readonly units: readonly Unit[]
  /** The units the user asked for. */
  readonly requested: readonly Unit[]
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
  return new Planner(input).plan()
}

class Planner {
  private readonly units: Unit[] = []
  private readonly warnings: string[] = []
  private readonly byKey = new Map<string, Unit>()
  private readonly nodes = new Map<string, PackageNode>()
  private readonly ids = new Set<string>()
  private readonly rootKey: string

  constructor(private readonly input: PlanInput) {
    const root = input.ws.members[0]
    if (root === undefined) throw new EngineError('internal', 'The resolve has no workspace member.')
    this.rootKey = root
  }

  plan(): BuildPlan {
    const root = this.node(this.rootKey)
    const fk: FeaturesFor = this.isProcMacro(this.rootKey) ? 'host' : 'normal'
    const features = this.input.features.features.features(this.rootKey, fk)
    const requested: Unit[] = []
    for (const { target, test } of selectTargets(root.pkg, this.input.selection, features)) {
      requested.push(this.compile(this.rootKey, target, fk, test))
    }
    return { units: this.units, requested, warnings: this.warnings }
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
        isRoot: key === this.rootKey,
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
    // The same target built twice (for the host and the target with different features) keeps
    // distinct ids.
    if (this.ids.has(unit.id)) unit = { ...unit, id: `${unit.id} #${unit.hash.slice(0, 8)}` }
    this.ids.add(unit.id)
    this.byKey.set(key, unit)
    this.units.push(unit)
    return unit
  }

  private isMember(key: string): boolean {
    return this.input.ws.members.includes(key)
  }

  /** One target of a package, compiled for `fk` (host units also for proc-macros). */
  private compile(pkgKey: string, target: Target, fk: FeaturesFor, test: boolean): Unit {
    const node = this.node(pkgKey)
    const forHost = fk === 'host'
    const profile = this.input.profileFor(node.pkg, this.isMember(pkgKey), forHost, test)
    const features = this.input.features.features.features(pkgKey, fk)
    const key = JSON.stringify([
      'compile',
      pkgKey,
      target.kind,
      target.name,
      test,
      comparable(profile),
      features
    ])
    const known = this.byKey.get(key)
    if (known) return known
    // Tests, examples and benches also use the dev-dependencies.
    const dev = test || target.kind === 'example' || target.kind === 'test' || target.kind === 'bench'
    const deps = this.libDeps(node, pkgKey, fk, dev, !test && rlibOnly(target))
    // Everything but the library links the package's own library, when it has one.
    const lib = node.pkg.targets.find((t) => t.kind === 'lib')
    if (lib && target.kind !== 'lib' && isLinkable(lib)) {
      deps.unshift({ unit: this.compile(pkgKey, lib, fk, false), externName: lib.crateName, needs: 'link' })
    }
    const script = this.buildScript(pkgKey, node, fk, profile, features)
    if (script) deps.unshift({ unit: script, needs: 'run' })
    const command = script ? undefined : this.buildCommand(pkgKey, node, profile, features)
    if (command) deps.unshift({ unit: command, needs: 'run' })
    const outDir = (script ?? command)?.outDir
    return this.add(key, () => ({
      id: `${node.id} ${test ? 'test ' : ''}${target.kind} ${target.name}${forHost && !node.isRoot ? ' (host)' : ''}`,
      pkgKey,
      node,
      kind: target.kind,
      target,
      mode: 'compile',
      test,
      forHost,
      profile,
      features,
      primary: node.isRoot,
      deps,
      hash: this.hash(
        node,
        ['compile', target.kind, target.name, target.crateTypes, target.edition, test],
        profile,
        features,
        deps
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
    deps: readonly UnitDep[]
  ): string {
    return shortHash([
      'crate-studio/2',
      node.id,
      // The exact source (a git commit, another registry): same-named packages never share files.
      sourceIdString(node.source),
      what,
      comparable(profile),
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
    metadataSuffices: boolean
  ): UnitDep[] {
    const active = activeDependencies(this.input.features, this.input.targetData, this.isProcMacro, {
      pkg: pkgKey,
      featuresFor: fk,
      kind: HOST,
      dev
    })
    return this.depUnits(
      node,
      active.filter((a) => a.dep.kind !== 'build'),
      metadataSuffices
    )
  }

  private depUnits(
    node: PackageNode,
    active: ReturnType<typeof activeDependencies>,
    metadataSuffices: boolean
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
      const unit = this.compile(a.pkg, lib, a.featuresFor, false)
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
    profile: Profile,
    features: readonly string[]
  ): Unit | undefined {
    const scriptPath = node.pkg.buildScript
    if (!scriptPath) return undefined
    const runKey = JSON.stringify(['run-build-script', pkgKey, comparable(profile), features])
    const known = this.byKey.get(runKey)
    if (known) return known
    const name = node.pkg.manifest.package.name
    const hostProfile = this.input.profileFor(node.pkg, this.isMember(pkgKey), true, false)
    const compileKey = JSON.stringify(['custom-build', pkgKey, comparable(hostProfile), features])
    const compile =
      this.byKey.get(compileKey) ??
      (() => {
        const active = activeDependencies(this.input.features, this.input.targetData, this.isProcMacro, {
          pkg: pkgKey,
          featuresFor: fk,
          kind: HOST,
          dev: false
        }).filter((a) => a.dep.kind === 'build')
        const deps = this.depUnits(node, active, false)
        const target = scriptTarget(node.pkg, scriptPath)
        const hash = this.hash(node, ['custom-build', scriptPath], hostProfile, features, deps)
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
          scriptDir: join(this.input.layout.build, `${name}-${hash}`)
        }))
      })()
    // The `links` metadata of direct dependencies' scripts reaches this one as DEP_* variables.
    const linksDeps: UnitDep[] = []
    for (const d of this.libDeps(node, pkgKey, fk, false, false)) {
      const depScript = d.unit.buildScript
      if (depScript && d.unit.node.pkg.manifest.package.links !== undefined)
        linksDeps.push({ unit: depScript, needs: 'run' })
    }
    const deps: UnitDep[] = [{ unit: compile, needs: 'link' }, ...linksDeps]
    const hash = this.hash(node, ['run-build-script'], profile, features, deps)
    const dir = join(this.input.layout.build, `${name}-${hash}`)
    return this.add(runKey, () => ({
      id: `${node.id} run-build-script${fk === 'host' && !node.isRoot ? ' (host)' : ''}`,
      pkgKey,
      node,
      kind: 'run-custom-build',
      mode: 'run-build-script',
      test: false,
      forHost: fk === 'host',
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
    const key = JSON.stringify(['build-command', pkgKey, comparable(profile), features])
    const hash = this.hash(node, ['build-command', build.command], profile, features, [])
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

/**
 * A profile's settings without its name: `test` has dev's settings, and cargo reuses the
 * artifacts of one for the other (its `Profile` hash leaves the name out too).
 */
function comparable(p: Profile): Omit<Profile, 'name'> {
  const { name: _name, ...settings } = p
  return settings
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
    doctested: false,
    documented: false,
    harness: false,
    origin: 'discovered'
  }
}

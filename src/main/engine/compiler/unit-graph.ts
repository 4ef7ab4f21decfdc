/**
 * Planning: from the package graph and the user's selection to a list of Units in dependency
 * order. Pure: no file system, no processes. The runner executes what this returns.
 */
import { join } from 'node:path'
import { EngineError } from '../errors'
import type { Target } from '../manifest/model'
import type { ResolvedFeatures } from '../resolver/features'
import { sourceIdString } from '../sources/source-id'
import type { PackageNode } from '../workspace/package-graph'
import type { Layout } from './layout'
import type { Profile } from './profile'
import { crateNameOf } from '@shared/rules/package-name'
import { shortHash, type Unit, type UnitDep } from './unit'

export interface TargetSelection {
  readonly lib: boolean
  /** `all` builds every bin whose required features are on; a list names bins explicitly. */
  readonly bins: 'all' | readonly string[]
}

export interface PlanInput {
  readonly root: PackageNode
  readonly features: ResolvedFeatures
  readonly profile: Profile
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

export function planBuild(input: PlanInput): BuildPlan {
  const units: Unit[] = []
  const warnings: string[] = []
  const libUnits = new Map<string, Unit | null>()
  const commandUnits = new Map<string, Unit>()

  const featuresOf = (node: PackageNode) => input.features.enabled.get(node.id) ?? []

  const buildCommandUnit = (node: PackageNode): Unit | undefined => {
    const build = node.pkg.manifest.package.build
    if (build.type !== 'command') return undefined
    const known = commandUnits.get(node.id)
    if (known) return known
    const hash = shortHash([
      'build-command',
      node.id,
      sourceIdString(node.source),
      build.command,
      input.profile,
      featuresOf(node),
      input.rustcVersion
    ])
    const unit: Unit = {
      id: `${node.id} build-command`,
      node,
      mode: 'build-command',
      profile: input.profile,
      features: featuresOf(node),
      primary: node.isRoot,
      deps: [],
      hash,
      outDir: join(input.layout.build, `${node.pkg.manifest.package.name}-${hash}`, 'out')
    }
    commandUnits.set(node.id, unit)
    units.push(unit)
    return unit
  }

  /** Units for the package's active dependencies' libraries. */
  const depLibs = (node: PackageNode, needs: 'metadata' | 'link'): UnitDep[] => {
    const deps: UnitDep[] = []
    for (const edge of input.features.activeDeps.get(node.id) ?? []) {
      if (!edge.node) {
        const m = node.pkg.manifest
        // Builds plan from the resolve, which chose a package for every dependency features can
        // switch on; an edge without one means the graph was not built from a resolve.
        throw new EngineError(
          'internal',
          `Dependency \`${edge.dep.name}\` of \`${m.package.name}\` has no resolved package to build.`,
          { file: m.path, ...(edge.dep.line ? { line: edge.dep.line } : {}) }
        )
      }
      const lib = libUnit(edge.node)
      if (!lib) {
        warnings.push(
          `${node.pkg.manifest.package.name} v${node.pkg.manifest.package.version} ignoring invalid dependency \`${edge.dep.name}\` which is missing a lib target`
        )
        continue
      }
      const linkNeeded = needs === 'link' || !lib.target!.crateTypes.every((t) => t === 'lib' || t === 'rlib')
      deps.push({
        unit: lib,
        // Code names a dependency by its library's crate name, unless the manifest renames it.
        externName:
          edge.dep.packageName !== edge.dep.name ? crateNameOf(edge.dep.name) : lib.target!.crateName,
        needs: linkNeeded ? 'link' : 'metadata'
      })
    }
    return deps
  }

  const compileUnit = (node: PackageNode, target: Target, extra: UnitDep[]): Unit => {
    if (node.pkg.buildScript) {
      const p = node.pkg.manifest.package
      throw new EngineError(
        'unsupported',
        `${node.isRoot ? 'Package' : 'Dependency'} \`${p.name} v${p.version}\` has a build script (${node.pkg.buildScript}), and build scripts are not supported yet.`,
        {
          file: node.pkg.manifest.path,
          hint: node.isRoot
            ? 'Build scripts arrive with the full build engine; the 2014 `build = "COMMAND"` form works today.'
            : `Build scripts arrive with the full build engine; until then, depend on a package (or a version of \`${p.name}\`) without one.`
        }
      )
    }
    const isLib = target.kind === 'lib'
    const deps = [...extra, ...depLibs(node, isLib ? 'metadata' : 'link')]
    const command = buildCommandUnit(node)
    if (command) deps.unshift({ unit: command, needs: 'run' })
    const features = featuresOf(node)
    const hash = shortHash([
      'crate-studio/1',
      node.id,
      // The exact source (a git commit, another registry): same-named packages never share files.
      sourceIdString(node.source),
      target.kind,
      target.name,
      target.crateTypes,
      target.edition,
      input.profile,
      features,
      input.rustcVersion,
      deps.map((d) => [d.externName, d.unit.hash])
    ])
    const unit: Unit = {
      id: `${node.id} ${target.kind} ${target.name}`,
      node,
      target,
      mode: 'compile',
      profile: input.profile,
      features,
      primary: node.isRoot,
      deps,
      hash,
      ...(command?.outDir ? { outDir: command.outDir } : {})
    }
    units.push(unit)
    return unit
  }

  function libUnit(node: PackageNode): Unit | undefined {
    if (libUnits.has(node.id)) return libUnits.get(node.id) ?? undefined
    const lib = node.pkg.targets.find((t) => t.kind === 'lib')
    if (!lib) {
      libUnits.set(node.id, null)
      return undefined
    }
    const unit = compileUnit(node, lib, [])
    libUnits.set(node.id, unit)
    return unit
  }

  const requested: Unit[] = []
  const root = input.root
  const rootLib = root.pkg.targets.find((t) => t.kind === 'lib')
  const bins = selectBins(root, input.selection, featuresOf(root))
  // The library is built when asked for, or when a selected binary links it.
  if (rootLib && (input.selection.lib || (bins.length > 0 && isLinkable(rootLib)))) {
    const u = libUnit(root)
    if (u && input.selection.lib) requested.push(u)
  }
  for (const bin of bins) {
    const own = rootLib && isLinkable(rootLib) ? libUnit(root) : undefined
    const extra: UnitDep[] = own ? [{ unit: own, externName: rootLib!.crateName, needs: 'link' }] : []
    requested.push(compileUnit(root, bin, extra))
  }
  return { units, requested, warnings }
}

function selectBins(root: PackageNode, selection: TargetSelection, features: readonly string[]): Target[] {
  const bins = root.pkg.targets.filter((t) => t.kind === 'bin')
  const missing = (t: Target) => t.requiredFeatures.filter((f) => !features.includes(f))
  if (selection.bins === 'all') return bins.filter((t) => missing(t).length === 0)
  return selection.bins.map((name) => {
    const bin = bins.find((t) => t.name === name)
    if (!bin) {
      throw new EngineError(
        'not-found',
        `No bin target named \`${name}\` in package \`${root.pkg.manifest.package.name}\`.`,
        {
          file: root.pkg.manifest.path,
          hint: bins.length
            ? `Available bins: ${bins.map((b) => b.name).join(', ')}.`
            : 'This package has no binaries.'
        }
      )
    }
    const need = missing(bin)
    if (need.length) {
      throw new EngineError(
        'invalid-input',
        `Target \`${name}\` in package \`${root.pkg.manifest.package.name}\` requires the features: ${need.map((f) => `\`${f}\``).join(', ')}.`,
        {
          hint: `Enable them, for example with \`--features="${need.join(' ')}"\`.`
        }
      )
    }
    return bin
  })
}

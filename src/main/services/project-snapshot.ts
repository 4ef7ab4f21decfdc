/** Engine packages → the plain summaries the UI shows (paths made relative, nothing mutable). */
import { relative, sep } from 'node:path'
import type { PackageSummary, ProjectSnapshot } from '@shared/models/package'
import type { Package } from '../engine/manifest/model'
import type { WorkspaceSnapshot } from '@shared/models/workspace'
import type { Workspace } from '../engine/workspace/load-workspace'
import type { PackageGraph } from '../engine/workspace/package-graph'

export function summarizePackage(pkg: Package): PackageSummary {
  const m = pkg.manifest
  const p = m.package
  return {
    name: p.name,
    version: p.version,
    edition: p.edition,
    authors: p.authors,
    ...(p.description !== undefined ? { description: p.description } : {}),
    ...(p.license !== undefined ? { license: p.license } : {}),
    manifestPath: m.path,
    rootDir: m.rootDir,
    format: m.format,
    ...(p.build.type === 'command' ? { buildCommand: p.build.command } : {}),
    ...(p.defaultRun !== undefined ? { defaultRun: p.defaultRun } : {}),
    targets: pkg.targets.map((t) => ({
      kind: t.kind,
      name: t.name,
      crateName: t.crateName,
      path: relative(m.rootDir, t.srcPath).split(sep).join('/'),
      crateTypes: t.crateTypes,
      edition: t.edition,
      requiredFeatures: t.requiredFeatures,
      origin: t.origin
    })),
    dependencies: m.dependencies.map((d) => ({
      name: d.name,
      packageName: d.packageName,
      kind: d.kind,
      ...(d.versionReq !== undefined ? { versionReq: d.versionReq } : {}),
      source: d.source,
      optional: d.optional,
      defaultFeatures: d.defaultFeatures,
      features: d.features,
      ...(d.platform !== undefined ? { platform: d.platform } : {})
    })),
    features: { ...m.features }
  }
}

export function snapshotOf(graph: PackageGraph, ws?: Workspace): ProjectSnapshot {
  const packages = [...graph.nodes.values()].filter((n) => !n.isRoot).map((n) => summarizePackage(n.pkg))
  const warnings = [...graph.nodes.values()].flatMap((n) => n.pkg.warnings)
  return {
    root: summarizePackage(graph.root.pkg),
    packages,
    warnings,
    ...(ws?.decl ? { workspace: workspaceSnapshotOf(ws) } : {})
  }
}

function workspaceSnapshotOf(ws: Workspace): WorkspaceSnapshot {
  return {
    rootManifest: ws.root.path,
    rootDir: ws.root.rootDir,
    virtual: ws.rootPackage === undefined,
    resolver: ws.resolver,
    members: ws.members.map(summarizePackage),
    // The root's view, whichever member was opened: what the Workspace tab builds by default.
    defaultMembers: ws.rootDefaultMembers.map((m) => m.manifest.path)
  }
}

/**
 * The workspace views' data: which crates the members share and in which versions, and
 * promoting one to `[workspace.dependencies]` — planned as a preview of every file, then written
 * only if every file still holds the bytes the preview was made from (each write is itself a
 * compare-and-swap, and every state between two writes builds what the workspace built before).
 */
import { homedir } from 'node:os'
import type {
  CrateUsage,
  CrateUse,
  PromotionPreview,
  WorkspaceDependencyUsage
} from '@shared/models/workspace'
import { EngineError, isEngineError } from '../engine/errors'
import { promoteDependency, type ManifestText } from '../engine/manifest/edit/promote-dependency'
import { isTable } from '../engine/manifest/table-reader'
import { parseToml } from '../engine/manifest/parse-toml'
import { readManifestText } from '../engine/manifest/read-manifest'
import { compareVersions } from '../engine/resolver/feature-resolver/package-order'
import { loadWorkspace, type Workspace } from '../engine/workspace/load-workspace'
import { resolveWorkspace } from '../engine/workspace/resolve-workspace'
import { contentHashOf, type ManifestService } from './manifest-service'

const DEP_TABLES = { normal: 'dependencies', dev: 'dev-dependencies', build: 'build-dependencies' } as const

export class WorkspaceService {
  constructor(
    /** Confines the path to an opened project's root manifest; returns its real path. */
    private readonly checkBuildable: (path: string) => Promise<string>,
    private readonly manifests: ManifestService,
    private readonly cacheDir: string,
    private readonly env: NodeJS.ProcessEnv = process.env
  ) {}

  /** Every crate a member declares, with each member's requirement and resolved version. */
  async usage(manifestPath: string): Promise<WorkspaceDependencyUsage> {
    const manifest = await this.checkBuildable(manifestPath)
    const ws = await loadWorkspace(manifest)
    const resolved = await resolveWorkspace({
      manifestPath: ws.root.path,
      env: this.env,
      homeDir: homedir(),
      cacheDir: this.cacheDir
    })
    const texts = await this.texts(ws)
    const byName = new Map<string, CrateUse[]>()
    for (const member of ws.members) {
      const m = member.manifest
      const key = resolved.members.find((k) => {
        const id = resolved.packages.get(k)?.id
        return id?.source.kind === 'path' && id.source.path === m.rootDir
      })
      const deps = key === undefined ? [] : (resolved.resolve.packages.get(key)?.deps ?? [])
      const raw = parseToml(texts.get(m.path)!.replace(/^\uFEFF/, ''), m.path)
      for (const d of m.dependencies) {
        const to = deps.find((e) => e.name === d.name)
        const version = to && resolved.packages.get(to.pkg)?.id.version
        const use: CrateUse = {
          member: m.package.name,
          manifestPath: m.path,
          kind: d.kind,
          ...(d.platform !== undefined ? { platform: d.platform } : {}),
          ...(d.versionReq !== undefined ? { versionReq: d.versionReq } : {}),
          inherited: declaredInherited(raw, d.kind, d.platform, d.name),
          ...(version !== undefined ? { resolved: version } : {})
        }
        byName.set(d.name, [...(byName.get(d.name) ?? []), use])
      }
    }
    const crates: CrateUsage[] = [...byName]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, uses]) => ({
        name,
        uses,
        versions: [...new Set(uses.flatMap((u) => (u.resolved ? [u.resolved] : [])))].sort(compareVersions),
        ...promotability(ws, name, texts)
      }))
    return { crates }
  }

  async previewPromotion(manifestPath: string, name: string): Promise<PromotionPreview> {
    const manifest = await this.checkBuildable(manifestPath)
    const ws = await loadWorkspace(manifest)
    const texts = await this.texts(ws)
    const promotion = promoteDependency(promotionInput(ws, name, texts))
    return {
      name,
      files: promotion.files.map((f) => ({
        ...f,
        baseHash: contentHashOf(new TextEncoder().encode(f.before))
      }))
    }
  }

  /**
   * Writes a previewed promotion, root first: each file only over the bytes it was planned from
   * (a conflict stops there, and what was written is already a workspace that builds the same).
   */
  async applyPromotion(files: readonly { path: string; text: string; baseHash: string }[]): Promise<void> {
    // Every file is checked before the first is written: a change made meanwhile stops it all.
    const real = new Set<string>()
    for (const f of files) {
      const file = await this.manifests.checkUnchanged(f.path, f.baseHash)
      if (real.has(file))
        throw new EngineError(
          'invalid-input',
          `${file} is listed twice in one promotion; nothing was written.`,
          {
            file,
            hint: 'Preview the promotion again and apply that.'
          }
        )
      real.add(file)
    }
    const written: string[] = []
    try {
      for (const f of files) {
        await this.manifests.save(f.path, f.text, f.baseHash).catch((e: unknown) => {
          throw written.length === 0 ? e : partly(e, written)
        })
        written.push(f.path)
      }
    } finally {
      // Open editors hear about every file written, even when a later one failed.
      for (const path of written) await this.manifests.announce(path)
    }
  }

  private async texts(ws: Workspace): Promise<Map<string, string>> {
    const texts = new Map<string, string>()
    for (const path of [ws.root.path, ...ws.members.map((m) => m.manifest.path)])
      if (!texts.has(path)) texts.set(path, await readManifestText(path))
    return texts
  }
}

function promotionInput(ws: Workspace, name: string, texts: ReadonlyMap<string, string>) {
  const text = (path: string): ManifestText => ({ path, text: texts.get(path)! })
  return { root: text(ws.root.path), members: ws.members.map((m) => text(m.manifest.path)), name }
}

/** Whether the member's own table writes the entry as `workspace = true`. */
function declaredInherited(
  doc: Record<string, unknown>,
  kind: keyof typeof DEP_TABLES,
  platform: string | undefined,
  name: string
): boolean {
  let parent: unknown = doc
  if (platform !== undefined) parent = isTable(doc.target) ? doc.target[platform] : undefined
  const table = isTable(parent) ? parent[DEP_TABLES[kind]] : undefined
  const entry = isTable(table) ? table[name] : undefined
  return isTable(entry) && entry.workspace === true
}

/** Plans the promotion without writing anything: the reason it would be refused, if it would. */
function promotability(
  ws: Workspace,
  name: string,
  texts: ReadonlyMap<string, string>
): { notPromotable?: string } {
  try {
    promoteDependency(promotionInput(ws, name, texts))
    return {}
  } catch (e) {
    if (!isEngineError(e)) throw e
    return { notPromotable: e.message }
  }
}

/** A write that failed after others succeeded: say which are written (each is whole, and builds the same). */
function partly(e: unknown, written: readonly string[]): unknown {
  if (!isEngineError(e)) return e
  return new EngineError(
    e.code,
    `${e.message.replace(/; nothing was saved\.$/, '.')} These were already written: ${written.join(', ')}.`,
    {
      ...e.details,
      hint: 'The workspace builds as before in this state; preview the promotion again to finish it.'
    }
  )
}

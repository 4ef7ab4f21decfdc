/**
 * The manifest editor's main side: sessions per open Cargo.toml, edits computed by the
 * engine's format-preserving editor, and saves that are atomic and compare-and-swap: a save
 * succeeds only if the file still holds the bytes the editor started from, so a change made
 * outside the app is never overwritten silently. Outside changes are pushed as they happen.
 */
import { createHash } from 'node:crypto'
import type { Publish } from '@shared/ipc/contract'
import type {
  ManifestAnalysis,
  ManifestEdit,
  ManifestSaveResult,
  ManifestSnapshot
} from '@shared/models/manifest-edit'
import { EngineError, type ErrorLogger } from '../engine/errors'
import { decodeTomlBytes } from '../engine/manifest/decode'
import { readManifestBytes } from '../engine/manifest/read-manifest'
import { writeFileAtomic } from '../engine/tools/atomic-write'
import type { FileWatcher } from './file-watcher'

/** The engine's editor, injected so the service can be tested on its own. */
export interface ManifestEngine {
  analyze(text: string, file: string): ManifestAnalysis
  applyEdits(text: string, file: string, edits: readonly ManifestEdit[]): ManifestAnalysis
}

interface Session {
  /** The last bytes this side knows the file to hold (read, saved, or reported as changed). */
  baseHash: string
  readonly stopWatching: () => Promise<void>
}

export function contentHashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The editor's text keeps a BOM as U+FEFF, so saving writes it back. */
function textOf(bytes: Uint8Array, file: string): string {
  const { text, hadBom } = decodeTomlBytes(bytes, file)
  return hadBom ? `\uFEFF${text}` : text
}

export class ManifestService {
  private readonly sessions = new Map<string, Session>()

  constructor(
    private readonly engine: ManifestEngine,
    private readonly watcher: FileWatcher,
    /** Confines every path from the renderer to manifests of opened projects; returns the real path. */
    private readonly checkEditable: (path: string) => Promise<string>,
    private readonly publish: Publish,
    private readonly logError: ErrorLogger = () => {}
  ) {}

  async open(path: string): Promise<ManifestSnapshot> {
    const file = await this.checkEditable(path)
    const bytes = await readManifestBytes(file)
    const baseHash = contentHashOf(bytes)
    const text = textOf(bytes, file)
    const known = this.sessions.get(file)
    if (known) known.baseHash = baseHash
    else
      this.sessions.set(file, {
        baseHash,
        stopWatching: this.watcher.watch(file, () => this.onDiskChange(file))
      })
    return { path: file, baseHash, ...this.engine.analyze(text, file) }
  }

  async analyze(path: string, text: string): Promise<ManifestAnalysis> {
    const file = await this.checkEditable(path)
    return this.engine.analyze(text, file)
  }

  async edit(path: string, text: string, edits: readonly ManifestEdit[]): Promise<ManifestAnalysis> {
    const file = await this.checkEditable(path)
    return this.engine.applyEdits(text, file, edits)
  }

  /** Fails with `conflict` unless the file still holds the bytes `baseHash` names. */
  async checkUnchanged(path: string, baseHash: string): Promise<string> {
    const file = await this.checkEditable(path)
    const current = contentHashOf(await readManifestBytes(file))
    if (current !== baseHash) {
      throw new EngineError('conflict', `${file} changed on disk since it was opened; nothing was saved.`, {
        file,
        hint: 'Reload it, merge the changes, or keep yours and save again.'
      })
    }
    return file
  }

  async save(path: string, text: string, baseHash: string): Promise<ManifestSaveResult> {
    const file = await this.checkUnchanged(path, baseHash)
    const bytes = new TextEncoder().encode(text)
    // Our own write must not come back as an "outside change": the session knows its hash first.
    const session = this.sessions.get(file)
    const newHash = contentHashOf(bytes)
    if (session) session.baseHash = newHash
    try {
      await writeFileAtomic(file, bytes)
    } catch (e) {
      if (session) session.baseHash = baseHash
      throw e
    }
    return { baseHash: newHash }
  }

  async close(path: string): Promise<void> {
    const file = await this.checkEditable(path).catch(() => path)
    const session = this.sessions.get(file)
    this.sessions.delete(file)
    await session?.stopWatching()
  }

  async closeAll(): Promise<void> {
    const sessions = [...this.sessions.values()]
    this.sessions.clear()
    await Promise.all(sessions.map((s) => s.stopWatching()))
  }

  /**
   * Tells an open editor that the file changed, for writes the editor did not make itself (a
   * promotion across the workspace): it reloads, or shows the conflict when it has unsaved edits.
   */
  async announce(path: string): Promise<void> {
    const file = await this.checkEditable(path)
    if (!this.sessions.has(file)) return
    const bytes = await readManifestBytes(file)
    this.publish('manifestChanged', { path: file, hash: contentHashOf(bytes), text: textOf(bytes, file) })
  }

  private onDiskChange(file: string): void {
    void (async () => {
      const session = this.sessions.get(file)
      if (!session) return
      const bytes = await readManifestBytes(file)
      const hash = contentHashOf(bytes)
      if (hash === session.baseHash) return
      // Told once per content: the same bytes seen again (a touch, a second event) are not news.
      session.baseHash = hash
      this.publish('manifestChanged', { path: file, hash, text: textOf(bytes, file) })
    })().catch((e: unknown) => this.logError(`watching ${file}`, e))
  }
}

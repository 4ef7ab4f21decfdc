/**
 * The git panel's main side. Every call resolves the opened project first (as the dependency
 * view does: Cargo.lock is the truth about what is locked), so a package name from the renderer
 * is only ever looked up among the project's git sources; what reaches git is the source from
 * the resolve, never the renderer's text. Operations report `gitDependencyProgress` and can be
 * cancelled per project; a second Update of the same project while one runs is refused, since
 * both would write Cargo.lock.
 */
import { homedir } from 'node:os'
import { dirname } from 'node:path'
import { assertNever } from '@shared/assert-never'
import type { Publish } from '@shared/ipc/contract'
import type {
  GitDependencyList,
  GitPinPreview,
  GitUpdateResult,
  GitUpstreamReport
} from '@shared/models/git-dependencies'
import { loadCargoConfig } from '../engine/config/load-cargo-config'
import { netOffline } from '../engine/config/net-build-config'
import { EngineError, type ErrorLogger } from '../engine/errors'
import { decodeTomlBytes } from '../engine/manifest/decode'
import { readManifestBytes } from '../engine/manifest/read-manifest'
import type { GitProgress } from '../engine/sources/git/git-cache'
import {
  gitSourceOfPackage,
  gitSourcesOf,
  unlockNameFor,
  type ResolvedGitSource
} from '../engine/workspace/git-dependencies'
import { gitEntriesOf, pinEdits } from '../engine/workspace/git-pin-edits'
import { checkUpstream, gitDependencyModel } from '../engine/workspace/git-upstream'
import { resolveWorkspace, type WorkspaceResolution } from '../engine/workspace/resolve-workspace'
import { contentHashOf, type ManifestEngine } from './manifest-service'

type Progress = (message: string) => void

function describeGit(event: GitProgress): string {
  switch (event.phase) {
    case 'fetching':
      return `Fetching git ${event.scope} ${event.url}`
    case 'checking-out':
      return `Checking out ${event.commit.slice(0, 8)} of ${event.url}`
    case 'waiting':
      return `Waiting for another process using the git cache of ${event.url}`
    default:
      return assertNever(event, 'git progress')
  }
}

export interface GitDependencyServiceOptions {
  /** Confines the path to an opened project's root manifest; returns its real path. */
  readonly checkBuildable: (path: string) => Promise<string>
  readonly publish: Publish
  /** Git databases and registry caches. */
  readonly cacheDir: string
  /** The format-preserving editor that computes the pin. */
  readonly editor: ManifestEngine
  readonly env?: NodeJS.ProcessEnv
  readonly logError?: ErrorLogger
}

type Operation = 'list' | 'check' | 'pin' | 'update'

interface Resolved {
  readonly ws: WorkspaceResolution
  readonly sources: readonly ResolvedGitSource[]
}

export class GitDependencyService {
  /** What runs per project, by `manifest\0operation`. */
  private readonly running = new Map<string, AbortController>()
  /**
   * The last resolution queued per project. Resolutions of one project run one after another:
   * one that read Cargo.lock before an update wrote it would otherwise write the old lock back.
   */
  private readonly resolving = new Map<string, Promise<unknown>>()

  constructor(private readonly o: GitDependencyServiceOptions) {}

  /** The project's git sources as Cargo.lock pins them (resolving, and locking, if it must). */
  list(manifestPath: string): Promise<GitDependencyList> {
    return this.run(manifestPath, 'list', async (manifest, signal, progress) => {
      const { sources } = await this.resolve(manifest, signal, progress)
      return { dependencies: sources.map(gitDependencyModel) }
    })
  }

  /** Fetches each source's reference and counts the commits the locked one lacks. */
  checkUpstream(manifestPath: string): Promise<GitUpstreamReport> {
    return this.run(manifestPath, 'check', async (manifest, signal, progress) => {
      const { sources } = await this.resolve(manifest, signal, progress)
      const config = await loadCargoConfig({ cwd: dirname(manifest), env: this.env, homeDir: homedir() })
      const checks = await checkUpstream(sources, {
        cacheDir: this.o.cacheDir,
        offline: netOffline(config) === true,
        signal,
        env: this.env,
        onProgress: (event) => progress(describeGit(event)),
        onSource: (source) => progress(`Looking for newer commits in ${source.id.url}`),
        ...(this.o.logError ? { logError: this.o.logError } : {})
      })
      return { checks }
    })
  }

  /** `cargo update -p NAME` for a git package: its source moves to the newest commit of its reference. */
  update(manifestPath: string, name: string): Promise<GitUpdateResult> {
    return this.run(manifestPath, 'update', async (manifest, signal, progress) => {
      const before = await this.resolve(manifest, signal, progress)
      const source = gitSourceOfPackage(before.sources, name)
      const unlock = unlockNameFor(before.ws, source)
      progress(`Updating ${source.id.url}`)
      const after = await this.resolve(manifest, signal, progress, [unlock])
      const now = after.sources.find((s) => s.key === source.key)
      return {
        source: source.key,
        from: source.id.precise,
        to: now?.id.precise ?? source.id.precise,
        lockWritten: after.ws.lockWritten
      }
    })
  }

  /** The manifest with `rev = "<locked commit>"` in place of the reference; nothing is written. */
  previewPin(manifestPath: string, name: string): Promise<GitPinPreview> {
    return this.run(manifestPath, 'pin', async (manifest, signal, progress) => {
      const { sources } = await this.resolve(manifest, signal, progress)
      const source = gitSourceOfPackage(sources, name)
      const commit = source.id.precise
      if (source.id.ref.type === 'rev') {
        throw new EngineError(
          'invalid-input',
          `\`${name}\` is already pinned to \`${source.id.ref.value}\`.`,
          {
            file: manifest
          }
        )
      }
      const bytes = await readManifestBytes(manifest)
      const decoded = decodeTomlBytes(bytes, manifest)
      const text = decoded.hadBom ? `\uFEFF${decoded.text}` : decoded.text
      const document = this.o.editor.analyze(text, manifest).view?.document
      const entries = document ? gitEntriesOf(document, source.key) : []
      if (entries.length === 0) {
        throw new EngineError(
          'invalid-input',
          `\`${name}\` (${source.id.url}) is not declared in ${manifest}: another package depends on it.`,
          { file: manifest, hint: 'Only a git dependency of this package itself can be pinned here.' }
        )
      }
      const edited = this.o.editor.applyEdits(text, manifest, pinEdits(entries, commit))
      return {
        path: manifest,
        baseHash: contentHashOf(bytes),
        text,
        newText: edited.text,
        commit,
        entries: entries.map((e) => e.key)
      }
    })
  }

  /** Stops whatever the panel runs for this project; true if something was running. */
  async cancel(manifestPath: string): Promise<{ readonly cancelled: boolean }> {
    const manifest = await this.o.checkBuildable(manifestPath)
    let cancelled = false
    for (const [key, controller] of this.running) {
      if (!key.startsWith(`${manifest}\0`)) continue
      controller.abort()
      cancelled = true
    }
    return { cancelled }
  }

  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort()
  }

  private get env(): NodeJS.ProcessEnv {
    return this.o.env ?? process.env
  }

  /**
   * Runs one operation for a project. Starting a list, check or pin again replaces the one in
   * flight; a second update is refused, because two would race to write Cargo.lock.
   */
  private async run<T>(
    manifestPath: string,
    operation: Operation,
    work: (manifest: string, signal: AbortSignal, progress: Progress) => Promise<T>
  ): Promise<T> {
    const manifest = await this.o.checkBuildable(manifestPath)
    const key = `${manifest}\0${operation}`
    const earlier = this.running.get(key)
    if (earlier && operation === 'update') {
      throw new EngineError('conflict', 'An update of this project’s git dependencies is already running.', {
        hint: 'Wait for it to finish, or cancel it.'
      })
    }
    earlier?.abort()
    const controller = new AbortController()
    this.running.set(key, controller)
    const progress: Progress = (message) => this.o.publish('gitDependencyProgress', { manifestPath, message })
    try {
      return await work(manifest, controller.signal, progress)
    } finally {
      if (this.running.get(key) === controller) this.running.delete(key)
    }
  }

  private resolve(
    manifest: string,
    signal: AbortSignal,
    progress: Progress,
    update?: readonly string[]
  ): Promise<Resolved> {
    const earlier = this.resolving.get(manifest) ?? Promise.resolve()
    const next = earlier
      .catch(() => undefined)
      .then(() => this.resolveNow(manifest, signal, progress, update))
    this.resolving.set(manifest, next)
    const forget = () => {
      if (this.resolving.get(manifest) === next) this.resolving.delete(manifest)
    }
    next.then(forget, forget)
    return next
  }

  private async resolveNow(
    manifest: string,
    signal: AbortSignal,
    progress: Progress,
    update?: readonly string[]
  ): Promise<Resolved> {
    if (signal.aborted) throw new EngineError('cancelled', 'Cancelled.')
    const ws = await resolveWorkspace({
      manifestPath: manifest,
      env: this.env,
      homeDir: homedir(),
      cacheDir: this.o.cacheDir,
      readPackages: false,
      signal,
      ...(update ? { update } : {}),
      onProgress: ({ queried }) => progress(`Resolving: ${queried} packages looked up`),
      onGitProgress: (event) => progress(describeGit(event))
    })
    const root = ws.packages.get(ws.members[0] ?? '')
    if (!root) throw new EngineError('internal', `The resolve of ${manifest} has no root package.`)
    return { ws, sources: gitSourcesOf(ws, root.pkg.manifest) }
  }
}

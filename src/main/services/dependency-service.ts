/**
 * The dependency view's data: resolve an opened project (fetching git and registry sources as
 * needed, writing Cargo.lock as `cargo tree` would) and turn the result into the graph the
 * view draws. One resolution per project at a time; starting again or cancelling aborts the
 * one in flight, and progress goes out as `dependencyProgress` pushes.
 */
import { homedir } from 'node:os'
import { assertNever } from '@shared/assert-never'
import type { Publish } from '@shared/ipc/contract'
import type { DependencyGraph } from '@shared/models/dependency-tree'
import { hostTargetData } from '../engine/resolver/feature-resolver/target-data'
import type { GitProgress } from '../engine/sources/git/git-cache'
import { inspectionRustc } from '../engine/tools/rustc'
import { dependencyGraphOf } from '../engine/tree/dependency-graph'
import { resolveWorkspace } from '../engine/workspace/resolve-workspace'

function describeGit(event: GitProgress): string {
  switch (event.phase) {
    case 'fetching':
      return `Updating git ${event.scope} \`${event.url}\``
    case 'checking-out':
      return 'Checking out a git commit'
    case 'waiting':
      return 'Waiting for another process using the git cache'
    default:
      return assertNever(event, 'git progress')
  }
}

export class DependencyService {
  private readonly running = new Map<string, AbortController>()

  constructor(
    /** Confines the path to an opened project's root manifest; returns its real path. */
    private readonly checkBuildable: (path: string) => Promise<string>,
    private readonly publish: Publish,
    private readonly cacheDir: string,
    private readonly env: NodeJS.ProcessEnv = process.env
  ) {}

  async graph(manifestPath: string): Promise<DependencyGraph> {
    const manifest = await this.checkBuildable(manifestPath)
    this.running.get(manifest)?.abort()
    const controller = new AbortController()
    this.running.set(manifest, controller)
    const progress = (message: string) => this.publish('dependencyProgress', { manifestPath, message })
    try {
      const ws = await resolveWorkspace({
        manifestPath: manifest,
        env: this.env,
        homeDir: homedir(),
        cacheDir: this.cacheDir,
        signal: controller.signal,
        onProgress: ({ queried }) => progress(`Resolving: ${queried} packages looked up`),
        onGitProgress: (event) => progress(describeGit(event))
      })
      progress('Reading the toolchain’s target configuration')
      const rustc = await inspectionRustc(this.env)
      return dependencyGraphOf(ws, hostTargetData(rustc))
    } finally {
      if (this.running.get(manifest) === controller) this.running.delete(manifest)
    }
  }

  async cancel(manifestPath: string): Promise<{ readonly cancelled: boolean }> {
    const manifest = await this.checkBuildable(manifestPath)
    const controller = this.running.get(manifest)
    controller?.abort()
    return { cancelled: controller !== undefined }
  }

  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort()
  }
}

/** Build, run and test as operations: engine calls wired to the operation store's events and cancel. */
import type { OperationHandle, ProfileName } from '@shared/models/build'
import type { EngineEvent } from '../engine/compiler/events'
import { isOperationEvent } from '../engine/compiler/events'
import { runBuild } from '../engine/compiler/build-runner'
import { runPackage } from '../engine/run/run-package'
import { testPackage } from '../engine/run/test-package'
import type { OperationIo, OperationStore } from './operations'
import { dirname } from 'node:path'

export interface BuildRequest {
  readonly manifestPath: string
  readonly profile: ProfileName
  readonly jobs?: number
  /** Workspace members (`-p`); none: the default members. */
  readonly packages?: readonly string[]
  /** Every member (`--workspace`). */
  readonly workspace?: boolean
}

/** The request's package selection, as the engine takes it. */
function packagesOf(r: BuildRequest) {
  return {
    packages: {
      ...(r.packages?.length ? { packages: r.packages } : {}),
      ...(r.workspace ? { workspace: true } : {})
    }
  }
}

export interface BuildServiceOptions {
  /** Git databases and registry caches the builds' dependency resolution shares. */
  readonly cacheDir: string
  /** Refuses (with `untrusted`) a build that would run code outside the trusted folders. */
  readonly checkCodeFolders?: (folders: readonly string[]) => Promise<void>
  /** The user's jobs setting, read when each operation starts (undefined: one per CPU). */
  readonly defaultJobs?: () => Promise<number | undefined>
}

export class BuildService {
  constructor(
    private readonly operations: OperationStore,
    private readonly options: BuildServiceOptions
  ) {}

  build(r: BuildRequest): OperationHandle {
    return this.operations.start('build', async (io) => {
      const result = await runBuild(
        {
          manifestPath: r.manifestPath,
          profile: r.profile,
          ...(r.jobs ? { jobs: r.jobs } : {}),
          selection: { lib: true, bins: 'all' },
          ...packagesOf(r),
          ...(await this.common())
        },
        engineIo(io)
      )
      return { success: result.success }
    })
  }

  run(r: BuildRequest & { readonly bin?: string; readonly args: readonly string[] }): OperationHandle {
    return this.operations.start('run', async (io) => {
      const result = await runPackage(
        {
          manifestPath: r.manifestPath,
          profile: r.profile,
          ...(r.jobs ? { jobs: r.jobs } : {}),
          ...(r.bin ? { bin: r.bin } : {}),
          ...packagesOf(r),
          args: r.args,
          cwd: dirname(r.manifestPath),
          stdio: 'pipe',
          ...(await this.common())
        },
        engineIo(io)
      )
      return { success: result.build.success && result.exit?.exitCode === 0 }
    })
  }

  /**
   * `cargo test --no-fail-fast -- ARGS`: the results panel shows every harness, so a failing
   * unit test does not hide the integration tests' results as cargo's default fail-fast would.
   */
  test(r: BuildRequest & { readonly args: readonly string[] }): OperationHandle {
    return this.operations.start('test', async (io) => {
      const result = await testPackage(
        {
          manifestPath: r.manifestPath,
          profile: r.profile === 'dev' ? 'test' : r.profile,
          ...(r.jobs ? { jobs: r.jobs } : {}),
          args: r.args,
          noFailFast: true,
          ...packagesOf(r),
          cwd: dirname(r.manifestPath),
          ...(await this.common())
        },
        engineIo(io)
      )
      return { success: result.build.success && result.tests?.success === true }
    })
  }

  /** What every operation shares: the cache, the trust check and the user's default jobs. */
  private async common() {
    const { cacheDir, checkCodeFolders, defaultJobs } = this.options
    const jobs = await defaultJobs?.()
    return {
      cacheDir,
      ...(checkCodeFolders ? { checkCodeFolders } : {}),
      ...(jobs !== undefined ? { defaultJobs: jobs } : {})
    }
  }

  cancel(operationId: string): boolean {
    return this.operations.cancel(operationId)
  }
}

/** Forwards what the renderer understands; raw compiler JSON stays in main. */
function engineIo(io: OperationIo) {
  return {
    sink: (e: EngineEvent) => {
      if (isOperationEvent(e)) io.emit(e)
    },
    signal: io.signal
  }
}

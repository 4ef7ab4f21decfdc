/**
 * What every resolving command (`generate-lockfile`, `update`, `fetch`, `metadata`, `tree`)
 * shares: the manifest, `--offline/--locked/--frozen`, the cache folder, and Ctrl-C.
 */
import { homedir } from 'node:os'
import { cacheDirOf } from '../engine/workspace/cache-dir'
import type { ResolveWorkspaceOptions } from '../engine/workspace/resolve-workspace'
import type { CliContext } from './commands/shared'
import { locateManifest } from './locate-manifest'

export interface ResolveValues {
  readonly 'manifest-path'?: string
  readonly offline?: boolean
  readonly locked?: boolean
  readonly frozen?: boolean
}

export async function workspaceOptions(
  values: ResolveValues,
  ctx: CliContext
): Promise<ResolveWorkspaceOptions> {
  return {
    manifestPath: await locateManifest(values['manifest-path'], ctx.cwd),
    cwd: ctx.cwd,
    env: ctx.env,
    homeDir: homedir(),
    cacheDir: cacheDirOf(ctx.env),
    offline: values.offline === true,
    ...(values.frozen
      ? { locked: '--frozen' as const }
      : values.locked
        ? { locked: '--locked' as const }
        : {}),
    signal: ctx.signal
  }
}

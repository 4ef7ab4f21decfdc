/** The lock update that follows a manifest edit from the command line (`add`, `remove`). */
import { EngineError } from '../engine/errors'
import type { PackageId } from '../engine/resolver/resolve/resolve-types'
import { resolveWorkspace } from '../engine/workspace/resolve-workspace'
import type { CliContext } from './commands/shared'
import { lockedVersions, reportLockChanges } from './lock-changes'
import type { Terminal } from './terminal'
import { workspaceOptions } from './workspace-options'

/**
 * After an edit, cargo add and cargo remove bring Cargo.lock up to date; add says what moved,
 * remove does it silently (as cargo 1.95 does).
 */
export async function updateLock(
  manifestPath: string,
  ctx: CliContext,
  values: {
    readonly offline?: boolean
    readonly frozen?: boolean
    readonly locked?: boolean
    readonly quiet?: boolean
  },
  term: Terminal,
  report = true
): Promise<void> {
  const result = await resolveWorkspace({
    ...(await workspaceOptions({ ...values, 'manifest-path': manifestPath }, ctx)),
    readPackages: false
  })
  if (!report || values.quiet || !result.lockWritten) return
  const ids = (packages: Iterable<{ readonly id: PackageId }>) => [...packages].map((p) => p.id)
  reportLockChanges(
    term,
    lockedVersions(ids(result.previousLock ?? []), result.members),
    lockedVersions(
      ids([...result.resolve.packages.values(), ...(result.resolve.replaced?.values() ?? [])]),
      result.members
    ),
    result.previousLock === undefined
  )
}

/** cargo's refusal to edit a manifest under `--locked`/`--frozen`. */
export function refuseManifestChange(
  manifestPath: string,
  values: { readonly locked?: boolean; readonly frozen?: boolean }
): void {
  if (!values.locked && !values.frozen) return
  const flag = values.frozen ? 'frozen' : 'locked'
  throw new EngineError(
    'conflict',
    `the manifest file ${manifestPath} needs to be updated but --${flag} was passed to prevent this`,
    { file: manifestPath, hint: `Run without --${flag} to let it change.` }
  )
}

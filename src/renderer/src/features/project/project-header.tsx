/** Who this package is at a glance: name, version, edition, manifest dialect and where it lives. */
import type { ReactNode } from 'react'
import type { PackageSummary } from '@shared/models/package'
import type { WorkspaceSnapshot } from '@shared/models/workspace'
import { ProjectLocation } from './project-location'

/**
 * `status`: what sits at the end of the title row (the folder's trust); `workspace`: the
 * workspace the package is a member of, named under the title.
 */
export function ProjectHeader({
  pkg,
  status,
  workspace
}: {
  readonly pkg: PackageSummary
  readonly status?: ReactNode
  readonly workspace?: WorkspaceSnapshot
}) {
  return (
    <header className="project-header">
      <div className="project-title">
        <h1>{pkg.name}</h1>
        <span className="badge" title="Version">
          v{pkg.version}
        </span>
        <span className="badge" title="Edition">
          edition {pkg.edition}
        </span>
        {pkg.format === '2014' && (
          <span className="badge badge-warning" title="This manifest uses the 2014 format ([[lib]], [[bin]])">
            2014 format
          </span>
        )}
        {status}
      </div>
      {workspace && (
        <p className="project-workspace-line">
          Member of the workspace <code title={workspace.rootManifest}>{workspace.rootDir}</code> ·{' '}
          {workspace.members.length} members{workspace.virtual ? ' · virtual root' : ''}
        </p>
      )}
      {pkg.description && <p className="project-description">{pkg.description}</p>}
      <ProjectLocation pkg={pkg} />
    </header>
  )
}

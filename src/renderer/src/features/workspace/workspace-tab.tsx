/**
 * The Workspace tab: every member with its crates, version and dependency count; build or test
 * a selection or the whole workspace; add a member with the wizard; and the crates members
 * share, with the versions each gets and Promote to workspace dependency.
 */
import { useState } from 'react'
import type { PackageSummary } from '@shared/models/package'
import type { WorkspaceSnapshot } from '@shared/models/workspace'
import { ErrorMessage } from '../../components/error-message'
import { BuildConsole } from '../build-console/build-console'
import { TrustDialog } from '../project/trust-dialog'
import { MembersTable } from './members-table'
import { SharedCrates } from './shared-crates'
import { useWorkspaceActions } from './use-workspace-actions'
import './workspace.css'

/** The members picked for Build/Test selected: the default members at first, kept across tabs. */
export function useMemberSelection(workspace: WorkspaceSnapshot | undefined) {
  const [picked, setPicked] = useState<readonly string[]>(() =>
    (workspace?.members ?? [])
      .filter((m) => workspace?.defaultMembers.includes(m.manifestPath))
      .map((m) => m.name)
  )
  // A member renamed or removed since is not built by a name it no longer has.
  const selected = picked.filter((n) => workspace?.members.some((m) => m.name === n))
  const toggle = (name: string) =>
    setPicked((s) => (s.includes(name) ? s.filter((n) => n !== name) : [...s, name]))
  return { selected, toggle }
}

interface Props {
  readonly workspace: WorkspaceSnapshot
  readonly selection: ReturnType<typeof useMemberSelection>
  /** The member the other tabs show. */
  readonly focus: string
  readonly onOpenMember: (member: PackageSummary) => void
  readonly onAddMember: (parentDir: string) => void
}

export function WorkspaceTab({ workspace, selection, focus, onOpenMember, onAddMember }: Props) {
  const { selected, toggle } = selection
  const actions = useWorkspaceActions(workspace.rootManifest, selected)
  const none = selected.length === 0
  return (
    <div className="ws-tab">
      <div className="row ws-toolbar" role="toolbar" aria-label="Workspace actions">
        <button
          type="button"
          className="primary"
          disabled={none || actions.busy}
          onClick={() => actions.build(false)}
        >
          Build selected
        </button>
        <button type="button" disabled={none || actions.busy} onClick={() => actions.test(false)}>
          Test selected
        </button>
        <button type="button" disabled={actions.busy} onClick={() => actions.build(true)}>
          Build workspace
        </button>
        <button type="button" disabled={actions.busy} onClick={() => actions.test(true)}>
          Test workspace
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => onAddMember(workspace.rootDir)}>
          Add member…
        </button>
      </div>
      {actions.askingTrust && (
        <TrustDialog
          folders={actions.untrusted.length ? actions.untrusted : [workspace.rootDir]}
          action={actions.askingTrust}
          busy={actions.trustBusy}
          onTrust={actions.confirmTrust}
          onCancel={actions.cancelTrust}
        />
      )}
      {actions.startError && <ErrorMessage error={actions.startError} title="Could not start" />}
      <p className="muted ws-summary">
        {workspace.members.length} members · resolver {workspace.resolver}
        {workspace.virtual ? ' · virtual root' : ''} · <code>{workspace.rootManifest}</code>
      </p>
      <MembersTable
        workspace={workspace}
        focus={focus}
        selected={selected}
        onToggle={toggle}
        onOpen={onOpenMember}
      />
      {actions.operation && (
        <section className="ws-console" aria-label="Workspace console">
          <BuildConsole
            key={actions.operation.operationId}
            operation={actions.operation}
            rootDir={workspace.rootDir}
          />
        </section>
      )}
      <SharedCrates rootManifest={workspace.rootManifest} rootDir={workspace.rootDir} />
    </div>
  )
}

/** The workspace's members: crates, version, dependency count; a checkbox to pick what to build. */
import type { PackageSummary } from '@shared/models/package'
import type { WorkspaceSnapshot } from '@shared/models/workspace'
import { relativeTo } from '../../lib/paths'

interface Props {
  readonly workspace: WorkspaceSnapshot
  /** Manifest path of the member the other tabs show. */
  readonly focus: string
  readonly selected: readonly string[]
  readonly onToggle: (name: string) => void
  readonly onOpen: (member: PackageSummary) => void
}

/** "lib, 2 bins, 1 test": what the member builds. */
function crates(pkg: PackageSummary): string {
  const count = (kind: string) => pkg.targets.filter((t) => t.kind === kind).length
  const parts: string[] = []
  if (count('lib')) parts.push('lib')
  for (const [kind, one, many] of [
    ['bin', 'bin', 'bins'],
    ['example', 'example', 'examples'],
    ['test', 'test', 'tests'],
    ['bench', 'bench', 'benches']
  ] as const) {
    const n = count(kind)
    if (n) parts.push(`${n} ${n === 1 ? one : many}`)
  }
  return parts.join(', ') || 'no crates'
}

export function MembersTable({ workspace, focus, selected, onToggle, onOpen }: Props) {
  return (
    <table className="ws-members" aria-label="Workspace members">
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Selected</span>
          </th>
          <th scope="col">Member</th>
          <th scope="col">Version</th>
          <th scope="col">Crates</th>
          <th scope="col">Dependencies</th>
          <th scope="col">Folder</th>
        </tr>
      </thead>
      <tbody>
        {workspace.members.map((m) => {
          const isDefault = workspace.defaultMembers.includes(m.manifestPath)
          return (
            <tr key={m.manifestPath} aria-current={m.manifestPath === focus ? 'true' : undefined}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select ${m.name}`}
                  checked={selected.includes(m.name)}
                  onChange={() => onToggle(m.name)}
                />
              </td>
              <th scope="row">
                <button type="button" className="link" onClick={() => onOpen(m)} title="Show this member">
                  {m.name}
                </button>
                {isDefault && <span className="badge">default</span>}
              </th>
              <td>{m.version}</td>
              <td>{crates(m)}</td>
              <td>{m.dependencies.length}</td>
              <td>
                <code>{relativeTo(workspace.rootDir, m.rootDir)}</code>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

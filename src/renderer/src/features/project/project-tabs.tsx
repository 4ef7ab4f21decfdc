/**
 * (Workspace,) Overview, Manifest and Dependencies, as an ARIA tab list (arrow keys move between tabs). Leaving the
 * Manifest tab with unsaved changes asks first, through the leave guards.
 */
import { useState } from 'react'
import { TabList, type TabSpec } from '../../components/tab-list'
import { confirmLeave } from '../../lib/leave-guard'

export type ProjectTab = 'workspace' | 'overview' | 'manifest' | 'dependencies'

const TABS: readonly TabSpec<ProjectTab>[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'manifest', label: 'Manifest' },
  { id: 'dependencies', label: 'Dependencies' }
]
const WORKSPACE_TAB: TabSpec<ProjectTab> = { id: 'workspace', label: 'Workspace' }

/** The selected tab; switching away goes through the leave guards. */
export function useProjectTab(
  initial: ProjectTab = 'overview'
): readonly [ProjectTab, (tab: ProjectTab) => void] {
  const [tab, setTab] = useState<ProjectTab>(initial)
  const select = (next: ProjectTab): void => {
    if (next === tab) return
    void confirmLeave().then((ok) => ok && setTab(next))
  }
  return [tab, select]
}

export function ProjectTabs({
  selected,
  onSelect,
  workspace
}: {
  readonly selected: ProjectTab
  readonly onSelect: (tab: ProjectTab) => void
  /** Whether the project is a workspace: it gets a Workspace tab first. */
  readonly workspace: boolean
}) {
  return (
    <TabList
      tabs={workspace ? [WORKSPACE_TAB, ...TABS] : TABS}
      selected={selected}
      onSelect={onSelect}
      idPrefix="project"
      label="Project views"
      className="project-tabs"
      tabClassName="project-tab"
    />
  )
}

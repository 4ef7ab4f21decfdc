/**
 * Overview, Manifest and Dependencies, as an ARIA tab list (arrow keys move between tabs). Leaving the
 * Manifest tab with unsaved changes asks first, through the leave guards.
 */
import { useState } from 'react'
import { TabList, type TabSpec } from '../../components/tab-list'
import { confirmLeave } from '../../lib/leave-guard'

export type ProjectTab = 'overview' | 'manifest' | 'dependencies'

const TABS: readonly TabSpec<ProjectTab>[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'manifest', label: 'Manifest' },
  { id: 'dependencies', label: 'Dependencies' }
]

/** The selected tab; switching away goes through the leave guards. */
export function useProjectTab(): readonly [ProjectTab, (tab: ProjectTab) => void] {
  const [tab, setTab] = useState<ProjectTab>('overview')
  const select = (next: ProjectTab): void => {
    if (next === tab) return
    void confirmLeave().then((ok) => ok && setTab(next))
  }
  return [tab, select]
}

export function ProjectTabs({
  selected,
  onSelect
}: {
  readonly selected: ProjectTab
  readonly onSelect: (tab: ProjectTab) => void
}) {
  return (
    <TabList
      tabs={TABS}
      selected={selected}
      onSelect={onSelect}
      idPrefix="project"
      label="Project views"
      className="project-tabs"
      tabClassName="project-tab"
    />
  )
}

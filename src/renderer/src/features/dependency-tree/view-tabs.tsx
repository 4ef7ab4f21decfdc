/** Tree, "Why is it here?" and Duplicates, as an ARIA tab list (arrow keys move between tabs). */
import { TabList, type TabSpec } from '../../components/tab-list'

export type DependencyTab = 'tree' | 'why' | 'duplicates'

interface Props {
  readonly idPrefix: string
  readonly selected: DependencyTab
  readonly duplicates: number
  readonly onSelect: (tab: DependencyTab) => void
}

export function ViewTabs({ idPrefix, selected, duplicates, onSelect }: Props) {
  const tabs: readonly TabSpec<DependencyTab>[] = [
    { id: 'tree', label: 'Tree' },
    { id: 'why', label: 'Why is it here?' },
    {
      id: 'duplicates',
      label: 'Duplicates',
      extra: <span className={`count${duplicates > 0 ? ' warning' : ''}`}>{duplicates}</span>
    }
  ]
  return (
    <TabList
      tabs={tabs}
      selected={selected}
      onSelect={onSelect}
      idPrefix={idPrefix}
      label="Dependency views"
      className="dt-tabs"
      tabClassName="dt-tab"
    />
  )
}

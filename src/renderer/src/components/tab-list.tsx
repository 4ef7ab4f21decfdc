/**
 * An ARIA tab list: roving tabindex, Left/Right move and select (wrapping), each tab
 * controls the panel `${idPrefix}-panel-${id}` and is labelled `${idPrefix}-tab-${id}`.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react'
import './tab-list.css'

export interface TabSpec<T extends string> {
  readonly id: T
  readonly label: string
  /** After the label (a count badge). */
  readonly extra?: ReactNode
}

interface Props<T extends string> {
  readonly tabs: readonly TabSpec<T>[]
  readonly selected: T
  readonly onSelect: (id: T) => void
  readonly idPrefix: string
  readonly label: string
  /** Extra classes for the list and each tab (layout tweaks); the look comes from tab-list.css. */
  readonly className?: string
  readonly tabClassName?: string
}

export function TabList<T extends string>(props: Props<T>) {
  const { tabs, selected, onSelect, idPrefix } = props
  const refs = useRef<(HTMLButtonElement | null)[]>([])
  const onKeyDown = (e: KeyboardEvent): void => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
    if (step === 0) return
    e.preventDefault()
    const index = tabs.findIndex((t) => t.id === selected)
    const next = (index + step + tabs.length) % tabs.length
    refs.current[next]?.focus()
    const target = tabs[next]
    if (target) onSelect(target.id)
  }
  return (
    <div
      className={`tab-list ${props.className ?? ''}`}
      role="tablist"
      aria-label={props.label}
      onKeyDown={onKeyDown}
    >
      {tabs.map(({ id, label, extra }, i) => (
        <button
          key={id}
          ref={(el) => {
            refs.current[i] = el
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${id}`}
          aria-selected={selected === id}
          aria-controls={`${idPrefix}-panel-${id}`}
          tabIndex={selected === id ? 0 : -1}
          className={`tab-list-tab ${props.tabClassName ?? ''}`}
          onClick={() => onSelect(id)}
        >
          {label}
          {extra}
        </button>
      ))}
    </div>
  )
}

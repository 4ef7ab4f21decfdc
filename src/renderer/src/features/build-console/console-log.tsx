/**
 * The live console (role="log"). Lines are plain blocks with CSS containment, so the browser
 * skips layout for off-screen ones; auto-scroll follows new output until the user scrolls up.
 */
import { useEffect, useMemo, useRef } from 'react'
import type { ConsoleLine } from './operation-state'
import { ConsoleBlock, toBlocks } from './console-block'
import { useAutoScroll } from './use-auto-scroll'

/** A request to show one diagnostic; `seq` makes a second click on the same one scroll again. */
export interface ScrollTarget {
  readonly diagnosticId: number
  readonly seq: number
}

interface Props {
  readonly lines: readonly ConsoleLine[]
  readonly droppedLines: number
  readonly target: ScrollTarget | undefined
  /** False while another tab hides it; shown again, it catches up with what arrived meanwhile. */
  readonly visible?: boolean
}

export function ConsoleLog({ lines, droppedLines, target, visible = true }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const { following, onScroll, resume } = useAutoScroll(ref, visible ? lines : undefined)
  const blocks = useMemo(() => toBlocks(lines), [lines])

  useEffect(() => {
    if (!target) return
    const el = ref.current?.querySelector(`[data-diagnostic-id="${target.diagnosticId}"]`)
    el?.scrollIntoView({ block: 'center' })
  }, [target])

  return (
    <div className="console-frame">
      <div
        ref={ref}
        className="console-log"
        role="log"
        aria-label="Build output"
        tabIndex={0}
        onScroll={onScroll}
      >
        {droppedLines > 0 && (
          <div className="line line-note info">… {droppedLines} earlier lines not shown</div>
        )}
        {blocks.map((block) => (
          <ConsoleBlock
            key={block.key}
            lines={block.lines}
            highlightedDiagnosticId={
              target &&
              block.lines.some((l) => l.kind === 'diagnostic' && l.diagnosticId === target.diagnosticId)
                ? target.diagnosticId
                : undefined
            }
          />
        ))}
      </div>
      {!following && (
        <button type="button" className="follow-button" onClick={resume}>
          ↓ Follow output
        </button>
      )}
    </div>
  )
}

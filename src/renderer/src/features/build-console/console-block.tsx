/**
 * A fixed run of console lines, grouped by line id. Appending output only changes the last
 * block, so React compares a few dozen blocks per update instead of thousands of lines.
 */
import { memo } from 'react'
import { ConsoleLineView } from './console-line'
import type { ConsoleLine } from './operation-state'

/** Lines per block; ids are stable, so block boundaries never shift as lines arrive or drop. */
export const BLOCK_SIZE = 128

interface Props {
  readonly lines: readonly ConsoleLine[]
  /** Only set for the block that holds the highlighted diagnostic, so other blocks stay memoized. */
  readonly highlightedDiagnosticId: number | undefined
}

function sameLines(a: Props, b: Props): boolean {
  if (a.highlightedDiagnosticId !== b.highlightedDiagnosticId || a.lines.length !== b.lines.length)
    return false
  return a.lines.every((line, i) => line === b.lines[i])
}

export const ConsoleBlock = memo(function ConsoleBlock({ lines, highlightedDiagnosticId }: Props) {
  return (
    <div className="console-block">
      {lines.map((line) => (
        <ConsoleLineView
          key={line.id}
          line={line}
          highlighted={line.kind === 'diagnostic' && line.diagnosticId === highlightedDiagnosticId}
        />
      ))}
    </div>
  )
}, sameLines)

/** Splits lines into blocks by `Math.floor(id / BLOCK_SIZE)`; ids ascend, so one pass suffices. */
export function toBlocks(
  lines: readonly ConsoleLine[]
): { readonly key: number; readonly lines: ConsoleLine[] }[] {
  const blocks: { key: number; lines: ConsoleLine[] }[] = []
  for (const line of lines) {
    const key = Math.floor(line.id / BLOCK_SIZE)
    const last = blocks[blocks.length - 1]
    if (last && last.key === key) last.lines.push(line)
    else blocks.push({ key, lines: [line] })
  }
  return blocks
}

/**
 * Three-way line merge for "the file changed on disk while I was editing": base is the text the
 * editor last knew on disk, theirs is the disk's new text, mine is the editor's. Lines keep
 * their own endings, so CRLF files merge as CRLF. Built on node-diff3 (diff3's algorithm).
 */
import { diff3Merge } from 'node-diff3'

export type MergeRegion =
  | { readonly type: 'stable'; readonly lines: readonly string[] }
  | {
      readonly type: 'conflict'
      readonly mine: readonly string[]
      readonly base: readonly string[]
      readonly theirs: readonly string[]
    }

export interface MergeOutcome {
  readonly regions: readonly MergeRegion[]
  readonly conflicts: number
  /** The merged text when nothing conflicts. */
  readonly text: string | undefined
}

/** How a person settles one conflicting hunk. */
export type HunkChoice = 'mine' | 'theirs' | 'both'

/** Splits into lines that keep their terminators (`\n` or `\r\n`); the last may have none. */
export function splitLines(text: string): string[] {
  if (text === '') return []
  return text.split(/(?<=\n)/)
}

export function threeWayMerge(base: string, mine: string, theirs: string): MergeOutcome {
  const blocks = diff3Merge(splitLines(mine), splitLines(base), splitLines(theirs), {
    excludeFalseConflicts: true
  })
  const regions: MergeRegion[] = []
  for (const block of blocks) {
    if (block.conflict) {
      const { a, o, b } = block.conflict
      regions.push({ type: 'conflict', mine: a, base: o, theirs: b })
    } else if (block.ok) {
      const last = regions[regions.length - 1]
      if (last?.type === 'stable')
        regions[regions.length - 1] = { type: 'stable', lines: [...last.lines, ...block.ok] }
      else regions.push({ type: 'stable', lines: block.ok })
    }
  }
  const conflicts = regions.filter((r) => r.type === 'conflict').length
  return { regions, conflicts, text: conflicts === 0 ? joinLines(regions.flatMap(stableLines)) : undefined }
}

function stableLines(region: MergeRegion): readonly string[] {
  return region.type === 'stable' ? region.lines : []
}

/** Joins lines, adding a line break where a non-final line lost its own (the end of a hunk). */
function joinLines(lines: readonly string[], eol = '\n'): string {
  return lines.map((line, i) => (i < lines.length - 1 && !line.endsWith('\n') ? line + eol : line)).join('')
}

/** The line ending the text mostly uses, for the lines the merge itself adds. */
function eolOf(regions: readonly MergeRegion[]): string {
  const sample = regions.flatMap((r) => (r.type === 'stable' ? r.lines : [...r.mine, ...r.theirs]))
  return sample.some((l) => l.endsWith('\r\n')) ? '\r\n' : '\n'
}

/** The text with each conflict settled by its choice; undefined while any is still open. */
export function resolveMerge(
  regions: readonly MergeRegion[],
  choices: readonly (HunkChoice | undefined)[]
): string | undefined {
  const lines: string[] = []
  let index = 0
  for (const region of regions) {
    if (region.type === 'stable') {
      lines.push(...region.lines)
      continue
    }
    const choice = choices[index++]
    if (choice === undefined) return undefined
    if (choice === 'mine' || choice === 'both')
      lines.push(...withFinalBreak(region.mine, choice === 'both', eolOf(regions)))
    if (choice === 'theirs' || choice === 'both') lines.push(...region.theirs)
  }
  return joinLines(lines, eolOf(regions))
}

function withFinalBreak(lines: readonly string[], needed: boolean, eol: string): readonly string[] {
  const last = lines[lines.length - 1]
  if (!needed || last === undefined || last.endsWith('\n')) return lines
  return [...lines.slice(0, -1), last + eol]
}

/** Git-style markers, for settling the conflicts by hand in the raw view (it will not parse until then). */
export function withConflictMarkers(regions: readonly MergeRegion[]): string {
  const eol = eolOf(regions)
  const lines: string[] = []
  const block = (part: readonly string[]): void => {
    lines.push(...withFinalBreak(part, true, eol))
  }
  for (const region of regions) {
    if (region.type === 'stable') {
      lines.push(...region.lines)
      continue
    }
    lines.push(`<<<<<<< mine${eol}`)
    block(region.mine)
    lines.push(`||||||| last saved${eol}`)
    block(region.base)
    lines.push(`=======${eol}`)
    block(region.theirs)
    lines.push(`>>>>>>> on disk${eol}`)
  }
  return joinLines(lines, eol)
}

/**
 * A new `[header]` section placed where toml_edit renders a new table (see `renderSlot`), with
 * its blank line before it and the header keys written as the existing tables spell them.
 * (toml-patch would also write empty `[target]` and `[target."cfg(unix)"]` headers for a new
 * `[target."cfg(unix)".dependencies]`, and put every new table at the end; cargo does neither.)
 */
import { renderSlot, type DocumentLayout, type TreeNode } from './layout'
import type { TextEdit } from './text-edits'
import { onFreshLine } from './text-edits'
import { formatKey } from './toml-format'

/** The header text for `path`: existing tables keep their key's spelling (`'cfg(unix)'`). */
export function headerKeyText(layout: DocumentLayout, path: readonly string[]): string {
  const parts: string[] = []
  let node: TreeNode | undefined = layout.root
  for (const segment of path) {
    let next: TreeNode | undefined
    if (node?.kind === 'table') next = node.children.get(segment)
    else if (node?.kind === 'array') next = node.elements[node.elements.length - 1]?.children.get(segment)
    parts.push(next && next.kind !== 'value' ? next.keyRaw : formatKey(segment))
    node = next
  }
  return parts.join('.')
}

/**
 * Inserts a section with `body` (lines ending in the document's newline). `array` makes it a
 * `[[header]]`, appended after the array's last element as toml_edit does.
 */
export function newSectionEdit(
  layout: DocumentLayout,
  path: readonly string[],
  body: string,
  array = false
): TextEdit {
  const slot = layout.sections[renderSlot(layout.root, path)]!
  const at = slot.bodyEnd
  const nl = layout.newline
  const [open, close] = array ? ['[[', ']]'] : ['[', ']']
  const lead = at === 0 ? '' : onFreshLine(layout.text, at, nl) + nl
  return { start: at, end: at, text: `${lead}${open}${headerKeyText(layout, path)}${close}${nl}${body}` }
}

/** A whole section with the lines it owns (its comments above and its body). */
export function sectionSpan(layout: DocumentLayout, index: number): TextEdit {
  const s = layout.sections[index]!
  return { start: s.prefixStart, end: s.bodyEnd, text: '' }
}

/**
 * `modernize`: the 2014 manifest format → today's, keeping every comment. `[[lib]]` becomes
 * `[lib]`, and each `[[bin]]` without a `path` gets the path the 2014 rules gave it when today's
 * discovery would look elsewhere (the 2014 default is src/NAME.rs for a package without a
 * library; today's is src/bin/NAME.rs). `build = "COMMAND"` stays: it still runs.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { EngineError } from '../../errors'
import { cstValue } from './cst-values'
import { buildLayout, type DocumentLayout } from './layout'
import { applyTextEdits, onFreshLine, type TextEdit } from './text-edits'
import { formatString } from './toml-format'

function packageBuild(layout: DocumentLayout): unknown {
  const pkg = layout.root.children.get('package') ?? layout.root.children.get('project')
  const build = pkg?.kind === 'table' ? pkg.children.get('build') : undefined
  return build?.kind === 'value' ? cstValue(build.kv.value) : undefined
}

/** The 2014 dialect, recognized as the reader recognizes it: `[[lib]]`, or a build command. */
export function isLegacyFormat(layout: DocumentLayout): boolean {
  const build = packageBuild(layout)
  return (
    layout.root.children.get('lib')?.kind === 'array' || (typeof build === 'string' && !build.endsWith('.rs'))
  )
}

/** `[[lib]]` → `[lib]` in the header line only, so its spacing and comment stay. */
function libHeaderEdit(layout: DocumentLayout, headerStart: number, headerEnd: number): TextEdit {
  const line = layout.text.slice(headerStart, headerEnd)
  const open = line.indexOf('[[')
  const close = line.indexOf(']]', open)
  const inner = line.slice(open + 2, close)
  return { start: headerStart + open, end: headerStart + close + 2, text: `[${inner}]` }
}

export function modernize(text: string, file: string): string {
  const layout = buildLayout(text)
  if (!isLegacyFormat(layout)) return text
  const edits: TextEdit[] = []
  const lib = layout.root.children.get('lib')
  if (lib?.kind === 'array') {
    if (lib.elements.length > 1)
      throw new EngineError(
        'invalid-input',
        `A package can have at most one library, but this manifest declares ${lib.elements.length} \`[[lib]]\` sections.`
      )
    const section = lib.elements[0]?.section
    if (section) edits.push(libHeaderEdit(layout, section.headerStart, section.headerEnd))
  }
  // The only fact not in the text: a library can also be src/lib.rs on disk. Two stat calls, for
  // an explicit and rare command, keep the edit right without making every edit read the disk.
  const hasLib = lib !== undefined || existsSync(join(dirname(file), 'src', 'lib.rs'))
  const bins = layout.root.children.get('bin')
  if (!hasLib && bins?.kind === 'array') {
    for (const bin of bins.elements) {
      const name = bin.children.get('name')
      const section = bin.section
      if (!section || bin.children.has('path') || name?.kind !== 'value') continue
      const value = cstValue(name.kv.value)
      if (typeof value !== 'string') continue
      const at = section.bodyEnd
      const nl = layout.newline
      edits.push({
        start: at,
        end: at,
        text: `${onFreshLine(text, at, nl)}path = ${formatString(`src/${value}.rs`)}${nl}`
      })
    }
  }
  return applyTextEdits(text, edits)
}

/**
 * The format-preserving manifest editor: text in, edits applied as text changes, analysis out.
 * Nothing is ever written by serializing a parsed object, so comments, spacing, key order,
 * CRLF line endings and a BOM survive, and an edit changes only the lines it is about.
 */
import { assertNever } from '@shared/assert-never'
import type { ManifestAnalysis, ManifestEdit } from '@shared/models/manifest-edit'
import { EngineError, isEngineError } from '../../errors'
import { checkVersionReq } from '../../resolver/version-req'
import { parseToml, type TomlObject } from '../parse-toml'
import { addDependency } from './add-dependency'
import { addWorkspaceDependency } from './workspace-dependency'
import { buildLayout, type DocumentLayout } from './layout'
import { buildView } from './manifest-view'
import { modernize } from './modernize'
import { applyPathEdit } from './path-edits'
import { setRawSection } from './raw-sections'
import { removeDependency } from './remove-dependency'
import { validateManifest } from './validate/validate-manifest'

const BOM = '\uFEFF'

function splitBom(text: string): { bom: string; body: string } {
  return text.startsWith(BOM) ? { bom: BOM, body: text.slice(1) } : { bom: '', body: text }
}

/** toml-patch's parser as a located error (it reports 1-based lines and 0-based columns). */
function layoutOrError(body: string, file: string): DocumentLayout {
  try {
    return buildLayout(body)
  } catch (e) {
    const err = e as { message?: string; line?: number; column?: number }
    const lines = (err.message ?? String(e)).split('\n')
    const reason = lines[lines.length - 1] ?? 'invalid TOML'
    throw new EngineError('manifest-parse', `Could not parse ${file}: ${reason}.`, {
      file,
      ...(err.line ? { line: err.line } : {}),
      ...(err.column !== undefined ? { column: err.column + 1 } : {}),
      hint: 'Fix the TOML syntax at this line; see https://toml.io for the format.'
    })
  }
}

function parsed(body: string, file: string): { doc: TomlObject; layout: DocumentLayout } {
  const doc = parseToml(body, file)
  return { doc, layout: layoutOrError(body, file) }
}

/**
 * The layout of manifest text (a BOM is skipped), for callers that inspect before they edit.
 * Text that does not parse throws `manifest-parse` with the line, as cargo reports it.
 */
export function parseManifestLayout(text: string, file: string): DocumentLayout {
  return parsed(splitBom(text).body, file).layout
}

/** Parses and validates manifest text; bad text comes back as `syntaxError`, never as a throw. */
export function analyzeManifestText(text: string, file: string): ManifestAnalysis {
  const { body } = splitBom(text)
  let result
  try {
    result = parsed(body, file)
  } catch (e) {
    if (!isEngineError(e) || e.code !== 'manifest-parse') throw e
    return {
      text,
      syntaxError: { message: e.message, line: e.details.line ?? 1, column: e.details.column ?? 1 },
      problems: []
    }
  }
  const view = buildView(result.layout)
  return { text, view, problems: validateManifest(result.doc, body, file, view.lines) }
}

function checkAddition(
  edit: Extract<ManifestEdit, { op: 'add-dependency' | 'add-workspace-dependency' }>
): void {
  if (!/^[A-Za-z0-9_-]+$/.test(edit.name))
    throw new EngineError(
      'invalid-input',
      `Invalid dependency name \`${edit.name}\`: use ASCII letters, digits, \`-\` and \`_\`.`
    )
  const { source } = edit.spec
  const version = source.type === 'registry' ? source.version : source.version
  if (version !== undefined) {
    const bad = checkVersionReq(version)
    if (bad) throw new EngineError('invalid-input', bad)
  }
  if (edit.spec.package !== undefined && !/^[A-Za-z0-9_-]+$/.test(edit.spec.package))
    throw new EngineError('invalid-input', `Invalid package name \`${edit.spec.package}\`.`)
}

function applyOne(text: string, file: string, edit: ManifestEdit): string {
  switch (edit.op) {
    case 'set':
    case 'delete':
    case 'append-table':
      return applyPathEdit(text, edit)
    case 'add-dependency':
      checkAddition(edit)
      return addDependency(text, edit.table, edit.name, edit.spec).text
    case 'remove-dependency':
      return removeDependency(text, edit.table, edit.name)
    case 'add-workspace-dependency':
      checkAddition(edit)
      return addWorkspaceDependency(text, edit.name, edit.spec)
    case 'set-raw-section':
      return setRawSection(text, edit.section, edit.text)
    case 'modernize':
      return modernize(text, file)
    default:
      return assertNever(edit)
  }
}

/**
 * Applies the edits in order and returns the analysis of the new text. An edit that cannot be
 * applied throws `invalid-input`; text that does not parse throws `manifest-parse`.
 */
export function applyManifestEdits(
  text: string,
  file: string,
  edits: readonly ManifestEdit[]
): ManifestAnalysis {
  const { bom, body } = splitBom(text)
  parseToml(body, file)
  let out = body
  edits.forEach((edit, i) => {
    try {
      out = applyOne(out, file, edit)
    } catch (e) {
      // toml-patch may refuse text smol-toml took: report that as the parse error it is.
      if (i === 0 && !isEngineError(e)) layoutOrError(body, file)
      throw e
    }
    // The last edit's result is parsed by the analysis below; the others are checked here.
    if (i < edits.length - 1) checkStillValid(out, file, edit)
  })
  const analysis = analyzeManifestText(bom + out, file)
  if (analysis.syntaxError) {
    const last = edits[edits.length - 1]
    if (!last)
      throw new EngineError('manifest-parse', analysis.syntaxError.message, {
        file,
        line: analysis.syntaxError.line
      })
    throw new EngineError(
      'invalid-input',
      `This ${last.op} edit would leave the manifest invalid: ${analysis.syntaxError.message}`
    )
  }
  return analysis
}

function checkStillValid(text: string, file: string, edit: ManifestEdit): void {
  try {
    parseToml(text, file)
  } catch (e) {
    throw new EngineError(
      'invalid-input',
      `This ${edit.op} edit would leave the manifest invalid: ${(e as Error).message}`
    )
  }
}

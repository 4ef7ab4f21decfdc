/**
 * rustc's `--error-format=json` stream: diagnostics and artifact notifications, one JSON
 * object per stderr line. Anything else on stderr (an ICE, a linker's chatter) passes through
 * as text.
 */
import { isAbsolute, join } from 'node:path'
import type {
  Diagnostic,
  DiagnosticChild,
  DiagnosticLevel,
  DiagnosticLocation
} from '@shared/models/diagnostic'

export interface RustcSpan {
  readonly file_name: string
  readonly line_start: number
  readonly column_start: number
  readonly is_primary: boolean
  readonly suggested_replacement?: string | null
}

/** The part of rustc's diagnostic JSON we read; the rest is passed through untouched. */
export interface RustcDiagnostic {
  readonly $message_type?: string
  readonly message: string
  readonly code: { readonly code: string } | null
  readonly level: string
  readonly spans: readonly RustcSpan[]
  readonly children?: readonly RustcDiagnostic[]
  readonly rendered: string | null
}

export type RustcLine =
  | { readonly type: 'artifact'; readonly path: string; readonly emit: string }
  | { readonly type: 'diagnostic'; readonly raw: RustcDiagnostic }
  | { readonly type: 'text'; readonly text: string }

export function parseRustcLine(line: string): RustcLine {
  if (!line.startsWith('{')) return { type: 'text', text: line }
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return { type: 'text', text: line }
  }
  if (typeof value !== 'object' || value === null) return { type: 'text', text: line }
  const v = value as Record<string, unknown>
  if (typeof v.artifact === 'string' && typeof v.emit === 'string')
    return { type: 'artifact', path: v.artifact, emit: v.emit }
  if (typeof v.message === 'string' && typeof v.level === 'string' && Array.isArray(v.spans)) {
    return { type: 'diagnostic', raw: v as unknown as RustcDiagnostic }
  }
  return { type: 'text', text: line }
}

/** rustc's own summaries, which cargo replaces with a line of its own ("generated 2 warnings"). */
export function isSummary(d: RustcDiagnostic): boolean {
  return (
    d.message.startsWith('aborting due to') ||
    /^\d+ warnings? emitted$/.test(d.message) ||
    /^\d+ warnings? (and \d+ errors? )?emitted/.test(d.message)
  )
}

const LEVELS: Record<string, DiagnosticLevel> = {
  error: 'error',
  warning: 'warning',
  note: 'note',
  help: 'help',
  'failure-note': 'failure-note',
  'error: internal compiler error': 'ice'
}

function locationOf(span: RustcSpan | undefined, cwd: string): { location?: DiagnosticLocation } {
  if (!span) return {}
  return {
    location: {
      file: isAbsolute(span.file_name) ? span.file_name : join(cwd, span.file_name),
      line: span.line_start,
      column: span.column_start
    }
  }
}

/** Any JSON-looking line on stderr reaches the parser (a wrapper's, a proc-macro's eprintln!). */
function isChild(v: unknown): v is RustcDiagnostic {
  if (typeof v !== 'object' || v === null) return false
  const c = v as { message?: unknown; level?: unknown; spans?: unknown }
  return (
    typeof c.message === 'string' &&
    typeof c.level === 'string' &&
    Array.isArray(c.spans) &&
    (c.spans as unknown[]).every((s) => typeof s === 'object' && s !== null)
  )
}

/** Each child message once per suggested span (rustc gives one span per edit), else once. */
function childrenOf(d: RustcDiagnostic, cwd: string): DiagnosticChild[] {
  const out: DiagnosticChild[] = []
  const children: readonly unknown[] = Array.isArray(d.children) ? (d.children as readonly unknown[]) : []
  for (const c of children) {
    if (!isChild(c)) continue
    const level = LEVELS[c.level] ?? 'note'
    const suggestions = c.spans.filter((s) => typeof s.suggested_replacement === 'string')
    if (suggestions.length === 0) {
      out.push({ level, message: c.message, ...locationOf(c.spans[0], cwd) })
      continue
    }
    for (const s of suggestions)
      out.push({ level, message: c.message, ...locationOf(s, cwd), replacement: s.suggested_replacement! })
  }
  return out
}

export function toDiagnostic(
  d: RustcDiagnostic,
  id: number,
  cwd: string,
  packageName: string,
  targetName: string,
  unitId?: string
): Diagnostic {
  const span = d.spans.find((s) => s.is_primary) ?? d.spans[0]
  const children = childrenOf(d, cwd)
  return {
    id,
    level: LEVELS[d.level] ?? 'note',
    message: d.message,
    ...(d.code ? { code: d.code.code } : {}),
    ...(d.rendered ? { rendered: d.rendered } : {}),
    ...locationOf(span, cwd),
    ...(children.length ? { children } : {}),
    ...(unitId ? { unitId } : {}),
    packageName,
    targetName
  }
}

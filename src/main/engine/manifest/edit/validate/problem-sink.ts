/** Collects field problems with the line of the key they concern. */
import type { KeyPath, ManifestProblem } from '@shared/models/manifest-edit'

export class ProblemSink {
  readonly problems: ManifestProblem[] = []

  constructor(private readonly lines: Readonly<Record<string, number>>) {}

  /** The line of `path`, or of its nearest ancestor that has one. */
  lineOf(path: KeyPath): number | undefined {
    for (let n = path.length; n > 0; n--) {
      const line = this.lines[JSON.stringify(path.slice(0, n))]
      if (line !== undefined) return line
    }
    return undefined
  }

  add(severity: ManifestProblem['severity'], path: KeyPath, message: string): void {
    const line = this.lineOf(path)
    this.problems.push({ path, message, severity, ...(line !== undefined ? { line } : {}) })
  }

  error(path: KeyPath, message: string): void {
    this.add('error', path, message)
  }

  warning(path: KeyPath, message: string): void {
    this.add('warning', path, message)
  }
}

export type Doc = Readonly<Record<string, unknown>>

export function asTable(v: unknown): Doc | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Doc) : undefined
}

/** `x.workspace = true`: a value inherited from the workspace, checked there, not here. */
export function isInherited(v: unknown): boolean {
  return asTable(v)?.workspace === true
}

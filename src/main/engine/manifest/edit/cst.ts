/**
 * toml-patch's concrete syntax tree, typed for what the editor reads. toml-patch is the one
 * parser here that keeps positions; its node types are not exported, so the shapes used are
 * declared here (and only read, never mutated).
 */
import { TomlDocument } from '@decimalturn/toml-patch'

export interface CstPos {
  readonly line: number
  readonly column: number
}

export interface CstLoc {
  readonly start: CstPos
  readonly end: CstPos
}

export interface CstKey {
  readonly type: 'Key'
  readonly loc: CstLoc
  readonly raw: string
  readonly value: readonly string[]
}

export interface CstScalar {
  readonly type: 'String' | 'Integer' | 'Float' | 'Boolean' | 'DateTime'
  readonly loc: CstLoc
  readonly raw?: string
  readonly value: unknown
}

export interface CstInlineItem<T> {
  readonly type: 'InlineItem'
  readonly loc: CstLoc
  readonly item: T
  readonly comma: boolean
}

export interface CstInlineArray {
  readonly type: 'InlineArray'
  readonly loc: CstLoc
  readonly items: readonly CstInlineItem<CstValue>[]
}

export interface CstInlineTable {
  readonly type: 'InlineTable'
  readonly loc: CstLoc
  readonly items: readonly CstInlineItem<CstKeyValue>[]
}

export type CstValue = CstScalar | CstInlineArray | CstInlineTable

export interface CstKeyValue {
  readonly type: 'KeyValue'
  readonly loc: CstLoc
  readonly key: CstKey
  readonly value: CstValue
}

export interface CstComment {
  readonly type: 'Comment'
  readonly loc: CstLoc
  readonly raw: string
}

export interface CstTable {
  readonly type: 'Table' | 'TableArray'
  readonly loc: CstLoc
  readonly key: { readonly loc: CstLoc; readonly item: CstKey }
  readonly items: readonly (CstKeyValue | CstComment)[]
}

export type CstBlock = CstKeyValue | CstTable | CstComment

/** Parses TOML (without a BOM) into toml-patch's tree. Throws toml-patch's error for bad text. */
export function parseCst(text: string): readonly CstBlock[] {
  return new TomlDocument(text).cst as unknown as readonly CstBlock[]
}

/** Converts toml-patch's line/column (1-based lines, UTF-16 columns) into string offsets. */
export class OffsetMap {
  private readonly lineStarts: number[] = [0]

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1)
  }

  offset(pos: CstPos): number {
    return (this.lineStarts[pos.line - 1] ?? this.text.length) + pos.column
  }

  /** 1-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0
    let hi = this.lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.lineStarts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }

  lineStart(offset: number): number {
    return this.lineStarts[this.lineOf(offset) - 1] ?? 0
  }

  /** The offset just after the newline that ends the line holding `offset` (or the text's end). */
  lineEnd(offset: number): number {
    const nl = this.text.indexOf('\n', offset)
    return nl < 0 ? this.text.length : nl + 1
  }
}

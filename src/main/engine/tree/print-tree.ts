/**
 * The text of `cargo tree` (cargo's `print`/`print_node`/`print_dependencies`): one tree per
 * root, `(*)` on a repeated node that has dependencies of its own, `[build-dependencies]` and
 * `[dev-dependencies]` headings, and the indent, depth or no prefix.
 */
import type { PackageIdSpec } from './package-id-spec'
import { specMatches } from './package-id-spec'
import { displayNode, type Pattern } from './format-pattern'
import type { EdgeKind, TreeGraph } from './graph'

export type Prefix = 'indent' | 'depth' | 'none'
export type Charset = 'utf8' | 'ascii'

export interface PrintOptions {
  readonly pattern: Pattern
  readonly prefix: Prefix
  readonly charset: Charset
  readonly noDedupe: boolean
  /** `--depth N`; `workspace` shows members only; undefined: no limit. */
  readonly depth?: number | 'workspace'
  readonly prune: readonly PackageIdSpec[]
  /** Workspace member keys, for `--depth workspace`. */
  readonly members: ReadonlySet<string>
}

const SYMBOLS = {
  utf8: { down: '│', tee: '├', ell: '└', right: '─' },
  ascii: { down: '|', tee: '|', ell: '`', right: '-' }
} as const

const ORDER: readonly EdgeKind[] = ['normal', 'build', 'dev', 'feature']
const HEADINGS: Partial<Record<EdgeKind, string>> = {
  build: '[build-dependencies]',
  dev: '[dev-dependencies]'
}

class Printer {
  readonly lines: string[] = []
  private readonly visited = new Set<number>()
  private readonly symbols

  constructor(
    private readonly graph: TreeGraph,
    private readonly opts: PrintOptions
  ) {
    this.symbols = SYMBOLS[opts.charset]
  }

  printRoot(root: number): void {
    this.printNode(root, [], [])
  }

  private printNode(index: number, levels: boolean[], stack: number[]): void {
    const isNew = this.opts.noDedupe || !this.visited.has(index)
    this.visited.add(index)
    let prefix = ''
    if (this.opts.prefix === 'depth') prefix = String(levels.length)
    else if (this.opts.prefix === 'indent' && levels.length > 0) {
      const s = this.symbols
      for (const cont of levels.slice(0, -1)) prefix += `${cont ? s.down : ' '}   `
      prefix += `${levels[levels.length - 1] ? s.tee : s.ell}${s.right}${s.right} `
    }
    const inCycle = stack.includes(index)
    const star = (isNew && !inCycle) || !this.graph.hasOutgoingEdges(index) ? '' : ' (*)'
    this.lines.push(`${prefix}${displayNode(this.opts.pattern, this.graph, index)}${star}`)
    if (!isNew || inCycle) return
    stack.push(index)
    for (const kind of ORDER) this.printDependencies(index, levels, stack, kind)
    stack.pop()
  }

  private printDependencies(index: number, levels: boolean[], stack: number[], kind: EdgeKind): void {
    const edges = this.graph.edgesOfKind(index, kind)
    if (edges.length === 0) return
    const heading = HEADINGS[kind]
    if (this.opts.prefix === 'indent' && heading)
      this.lines.push(`${levels.map((c) => `${c ? this.symbols.down : ' '}   `).join('')}${heading}`)
    const depth = this.opts.depth
    if (typeof depth === 'number' && levels.length + 1 > depth) return
    const shown = edges.filter((e) => {
      const node = this.graph.node(e.node)
      if (node.type !== 'package') return true
      if (depth === 'workspace' && !this.opts.members.has(node.pkg)) return false
      return !this.opts.prune.some((spec) => specMatches(spec, node.id))
    })
    shown.forEach((edge, i) => {
      levels.push(i < shown.length - 1)
      this.printNode(edge.node, levels, stack)
      levels.pop()
    })
  }
}

/** The printed trees, one per root, separated by an empty line; every line ends with `\n`. */
export function printTree(graph: TreeGraph, roots: readonly number[], opts: PrintOptions): string {
  const printer = new Printer(graph, opts)
  roots.forEach((root, i) => {
    if (i > 0) printer.lines.push('')
    printer.printRoot(root)
  })
  return printer.lines.map((l) => `${l}\n`).join('')
}

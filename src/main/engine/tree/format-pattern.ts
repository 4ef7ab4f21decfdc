/**
 * `cargo tree --format`: text with `{p}` (name, version, source), `{l}` (license), `{r}`
 * (repository), `{f}` (features) and `{lib}` (library crate name); `{{` and `}}` escape braces.
 * Parsed like cargo's format parser, with its error messages.
 */
import { EngineError } from '../errors'
import { displaySourceId, isCratesIo } from '../resolver/feature-resolver/display-package-id'
import type { TreeGraph } from './graph'

type Placeholder = 'package' | 'license' | 'repository' | 'features' | 'lib'

type Chunk = { readonly type: 'raw'; readonly text: string } | { readonly type: Placeholder }

export type Pattern = readonly Chunk[]

const ARGUMENTS: ReadonlyMap<string, Placeholder> = new Map([
  ['p', 'package'],
  ['l', 'license'],
  ['r', 'repository'],
  ['f', 'features'],
  ['lib', 'lib']
])

function invalid(format: string, why: string): EngineError {
  return new EngineError('invalid-input', `tree format \`${format}\` not valid: ${why}`, {
    hint: 'Use `{p}`, `{l}`, `{r}`, `{f}` and `{lib}`; write `{{` and `}}` for braces.'
  })
}

export function parsePattern(format: string): Pattern {
  const chunks: Chunk[] = []
  const chars = [...format]
  let i = 0
  while (i < chars.length) {
    const c = chars[i]!
    if (c === '{') {
      if (chars[i + 1] === '{') {
        chunks.push({ type: 'raw', text: '{' })
        i += 2
        continue
      }
      let j = i + 1
      let name = ''
      if (j < chars.length && /\p{Alphabetic}/u.test(chars[j]!)) {
        while (j < chars.length && /[\p{Alphabetic}\p{N}]/u.test(chars[j]!)) name += chars[j++]
      }
      if (chars[j] !== '}') throw invalid(format, "expected '}'")
      const type = ARGUMENTS.get(name)
      if (!type) throw invalid(format, `unsupported pattern \`${name}\``)
      chunks.push({ type })
      i = j + 1
    } else if (c === '}') {
      if (chars[i + 1] !== '}') throw invalid(format, "unexpected '}'")
      chunks.push({ type: 'raw', text: '}' })
      i += 2
    } else {
      let text = ''
      while (i < chars.length && chars[i] !== '{' && chars[i] !== '}') text += chars[i++]
      chunks.push({ type: 'raw', text })
    }
  }
  return chunks
}

/** One line of the tree for node `index` (without prefix and `(*)`). */
export function displayNode(pattern: Pattern, graph: TreeGraph, index: number): string {
  const node = graph.node(index)
  if (node.type === 'feature') {
    const pkg = graph.packageOf(node.node)
    const cli = graph.cliFeatures.has(index) ? ' (command-line)' : ''
    return `${pkg.id.name} feature "${node.name}"${cli}`
  }
  const info = graph.packages.get(node.pkg)
  let out = ''
  for (const chunk of pattern) {
    switch (chunk.type) {
      case 'raw':
        out += chunk.text
        break
      case 'package': {
        const procMacro = info?.procMacro ? ' (proc-macro)' : ''
        const source = isCratesIo(node.id.source) ? '' : ` (${displaySourceId(node.id.source)})`
        out += `${node.id.name} v${node.id.version}${procMacro}${source}`
        break
      }
      case 'license':
        out += info?.license ?? ''
        break
      case 'repository':
        out += info?.repository ?? ''
        break
      case 'features':
        out += node.features.join(',')
        break
      case 'lib':
        out += info?.libName ?? ''
        break
    }
  }
  return out
}

/**
 * The dependency tree view bundled for a bare Chromium page: React in production mode, the
 * app's theme and the view's CSS, and `window.treeView` to hand it a graph and mount it. Built
 * in memory with Vite (the same React plugin as the renderer), so no server or file is needed.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import react from '@vitejs/plugin-react'
import { build, type Rolldown } from 'vite'

const ENTRY = 'virtual:tree-view-page'

/** The repository root: the bench runs from a bundle in node_modules/.cache, so look upwards. */
export function repositoryRoot(from: string = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bench', 'run.mjs'))) return dir
    if (dirname(dir) === dir) throw new Error(`no repository root above ${from}`)
  }
}

/**
 * What the page runs: `mount()` renders the view of the graph given to `setGraph` from scratch,
 * synchronously, and lays it out; `mount(props)` renders other props (loading, error states).
 */
function entrySource(root: string): string {
  const file = (...parts: string[]): string => JSON.stringify(join(root, ...parts))
  return `
import { createElement } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { DependencyTreeView } from ${file('src/renderer/src/features/dependency-tree/dependency-tree-view.tsx')}
import ${file('src/renderer/src/styles/theme.css')}
import ${file('src/renderer/src/styles/base.css')}
import ${file('src/renderer/src/styles/controls.css')}

let root
let graph
window.treeView = {
  setGraph(g) { graph = g },
  mount(props) {
    if (root) root.unmount()
    const host = document.getElementById('root')
    root = createRoot(host)
    flushSync(() => root.render(createElement(DependencyTreeView, props ?? { graph })))
    void document.body.offsetHeight
    return host.querySelectorAll('[role="treeitem"]').length
  }
}
`
}

export interface TreePage {
  readonly html: string
  readonly script: string
}

export async function buildTreePage(root: string = repositoryRoot()): Promise<TreePage> {
  // Vite picks React's production build and JSX runtime from NODE_ENV, which a test runner sets
  // to `test`: time what people run.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    return await buildPage(root)
  } finally {
    process.env.NODE_ENV = nodeEnv
  }
}

async function buildPage(root: string): Promise<TreePage> {
  const output = (await build({
    configFile: false,
    logLevel: 'warn',
    root,
    mode: 'production',
    plugins: [
      react(),
      {
        name: 'tree-view-page-entry',
        resolveId: (id) => (id === ENTRY ? `\0${ENTRY}` : undefined),
        load: (id) => (id === `\0${ENTRY}` ? entrySource(root) : undefined)
      }
    ],
    resolve: { alias: { '@shared': join(root, 'src', 'shared') } },
    build: {
      write: false,
      cssCodeSplit: false,
      modulePreload: false,
      rolldownOptions: { input: ENTRY, output: { format: 'iife', codeSplitting: false } }
    }
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[]
  const files = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output)
  const script = files.flatMap((f) => (f.type === 'chunk' ? [f.code] : [])).join('\n')
  const css = files
    .flatMap((f) => (f.type === 'asset' && f.fileName.endsWith('.css') ? [String(f.source)] : []))
    .join('\n')
  if (!script) throw new Error('the tree view page built no script')
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${css}</style></head><body><div id="root"></div></body></html>`
  return { html, script }
}

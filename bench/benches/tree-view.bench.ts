/**
 * Mounting the dependency tree on a 3,000+-row graph in Debian's Chromium: index the graph,
 * derive cargo tree's rows, render the rows in view and lay the page out, from an empty root
 * each time. Opening the Dependencies tab must feel instant: ≤ 50 ms.
 */
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../../test/helpers/browser-mode'
import { largeWorkspace } from '../../test/unit/renderer/dependency-tree/fixtures'
import { CARGO_EXPANSION } from '../../src/renderer/src/features/dependency-tree/model/expansion'
import { indexGraph } from '../../src/renderer/src/features/dependency-tree/model/graph-index'
import {
  firstOccurrences,
  flattenTree
} from '../../src/renderer/src/features/dependency-tree/model/tree-rows'
import type { Bench } from '../bench'
import { buildTreePage } from './tree-view-page'

declare const window: { treeView: { setGraph(graph: unknown): void; mount(): number } }

let browser: Browser | undefined

export const treeViewMount: Bench = {
  name: 'tree view mount (3,000+ rows)',
  what: 'DependencyTreeView in Chromium: index → cargo-tree rows → render visible rows → layout',
  targetMs: 50,
  runs: 60,
  async prepare() {
    const graph = largeWorkspace()
    const index = indexGraph(graph)
    const spec = { direction: 'dependencies', roots: index.roots } as const
    const rows = flattenTree(index, spec, firstOccurrences(index, spec), CARGO_EXPANSION).length
    if (rows < 3000) throw new Error(`the bench graph has ${rows} rows; it must have 3,000 or more`)
    const page = await openTreePage()
    await page.evaluate((g) => window.treeView.setGraph(g), graph)
    return async () => {
      const shown = await page.evaluate(() => window.treeView.mount())
      if (shown === 0) throw new Error('the tree view mounted no rows')
    }
  },
  async dispose() {
    await browser?.close()
    browser = undefined
  }
}

async function openTreePage(): Promise<Page> {
  const built = await buildTreePage()
  browser = await launchChromium()
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.setContent(built.html)
  await page.addScriptTag({ content: built.script })
  if (errors.length) throw new Error(`the tree view page failed: ${errors.join('; ')}`)
  return page
}

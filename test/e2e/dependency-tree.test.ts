/**
 * The Dependencies tab in browser mode, as a person uses it: open a package with path, git
 * and registry dependencies (Debian's crates through `[source]` replacement), see the tree,
 * expand a node, ask why a package is there, and find the duplicate.
 */
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  launchChromium,
  openPage,
  screenshot,
  startWebApp,
  type WebApp,
  openFolder
} from '../helpers/browser-mode'
import { requireCargoAndRegistry } from '../helpers/cargo-offline'
import { MIXED_CRATES, mixedPackage } from '../helpers/mixed-package'
import { fileTempDir } from '../helpers/temp-dir'

let app: WebApp
let browser: Browser
let page: Page
let errors: string[]

const tree = () => page.getByRole('tree', { name: 'Dependency tree' })
const item = (label: RegExp) => tree().getByRole('treeitem', { name: label })

beforeAll(async () => {
  await requireCargoAndRegistry(MIXED_CRATES)
  const root = await fileTempDir('cs-e2e-deps-')
  const dir = await mixedPackage(root)
  app = await startWebApp(await fileTempDir('cs-e2e-config-'), {
    CRATE_STUDIO_CACHE_DIR: join(root, 'cache')
  })
  browser = await launchChromium()
  ;({ page, errors } = await openPage(browser, app.url))
  await openFolder(page, dir)
  await page.getByRole('heading', { name: 'app', exact: true }).waitFor()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('browser mode: the dependency tree', () => {
  it('resolves the package and shows its tree', async () => {
    await page.getByRole('tab', { name: 'Dependencies', exact: true }).click()
    await item(/^app v0\.1\.0 /).waitFor({ timeout: 60_000 })
    await expect.poll(() => item(/^serde v1\.0\.152 /).count()).toBe(1)
    await expect.poll(() => item(/^gitdep v0\.2\.0 .*\?branch=main#/).count()).toBe(1)
    // Only the rows in view (and a few more) are rendered: scroll down to the build-dependencies.
    await tree().hover()
    await page.mouse.wheel(0, 2000)
    await expect.poll(() => item(/^cc v1\.0\.73 build dependency/).count()).toBe(1)
    await page.mouse.wheel(0, -2000)
    await screenshot(page, '20-dependency-tree')
  })

  it('expands and collapses a node', async () => {
    const serde = item(/^serde v1\.0\.152 /)
    const expanded = await serde.getAttribute('aria-expanded')
    await serde.click()
    await page.keyboard.press(expanded === 'true' ? 'ArrowLeft' : 'ArrowRight')
    await expect.poll(() => serde.getAttribute('aria-expanded')).toBe(expanded === 'true' ? 'false' : 'true')
    await page.keyboard.press(expanded === 'true' ? 'ArrowRight' : 'ArrowLeft')
    await expect.poll(() => serde.getAttribute('aria-expanded')).toBe(expanded)
    await expect.poll(() => item(/^serde_derive v1\.0\.152 .*proc-macro/).count()).toBeGreaterThan(0)
  })

  it('answers why a package is here', async () => {
    await item(/^memchr v2\.5\.0 /).click()
    await page
      .getByRole('complementary', { name: /^Details of memchr 2\.5\.0/ })
      .getByRole('button', { name: 'Why is it here?' })
      .click()
    const why = page.getByRole('tree', { name: 'Packages that depend on memchr 2.5.0' })
    await expect.poll(() => why.getByRole('treeitem', { name: /^util v0\.3\.0 / }).count()).toBeGreaterThan(0)
    await screenshot(page, '21-dependency-why')
  })

  it('finds the duplicate', async () => {
    await page.getByRole('tab', { name: /^Duplicates/ }).click()
    const group = page.getByRole('region', { name: 'log, 2 versions' })
    await group.waitFor()
    await expect.poll(() => group.getByText(/0\.3\.9/).count()).toBeGreaterThan(0)
    await expect.poll(() => group.getByText(/0\.4\.17/).count()).toBeGreaterThan(0)
    await screenshot(page, '22-dependency-duplicates')
  })

  it('logged no errors in the page', () => {
    expect(errors).toEqual([])
  })
})

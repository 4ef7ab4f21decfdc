/**
 * The build timeline in browser mode, as a person uses it: build a package with two path
 * dependencies, open the Timeline tab, see one bar per unit with its final state, select a
 * unit (by mouse and by keyboard) and read its details; then break the binary and see which
 * unit failed, with the diagnostics grouped under it.
 */
import { writeFile } from 'node:fs/promises'
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
import { project } from '../helpers/project'
import { fileTempDir } from '../helpers/temp-dir'

let app: WebApp
let browser: Browser
let page: Page
let errors: string[]
let root: string

const status = () => page.locator('.progress-summary').getByRole('status')
const timeline = () => page.getByRole('listbox', { name: 'Build timeline' })
const bar = (name: RegExp) => timeline().getByRole('option', { name })
const details = () => page.getByRole('complementary', { name: /^Details of / })

/** `app` (a binary) uses `mid`, which uses `leaf`; `mid` has an unused variable to warn about. */
async function threeCrates(base: string): Promise<string> {
  await project('leaf').manifest('leaf').file('src/lib.rs', 'pub fn leaf() -> u32 {\n    1\n}\n').build(base)
  await project('mid')
    .manifest('mid', '\n[dependencies]\nleaf = { path = "../leaf" }\n')
    .file('src/lib.rs', 'pub fn mid() -> u32 {\n    let unused = 2;\n    leaf::leaf() + 1\n}\n')
    .build(base)
  const p = await project('app')
    .manifest('app', '\n[dependencies]\nmid = { path = "../mid" }\n')
    .file('src/main.rs', 'fn main() {\n    println!("{}", mid::mid());\n}\n')
    .build(base)
  return p.root
}

beforeAll(async () => {
  const base = await fileTempDir('cs-e2e-timeline-')
  root = await threeCrates(base)
  app = await startWebApp(await fileTempDir('cs-e2e-config-'))
  browser = await launchChromium()
  ;({ page, errors } = await openPage(browser, app.url))
  await openFolder(page, root)
  await page.getByRole('heading', { name: 'app', exact: true }).waitFor()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('browser mode: the build timeline', () => {
  it('asks to trust the opened folder before its first build, which then runs', async () => {
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Restricted$/ })
          .count()
      )
      .toBe(1)
    await page.getByRole('button', { name: 'Build', exact: true }).click()
    const ask = page.getByRole('dialog', { name: 'Trust this folder?' })
    await ask.getByText(root).waitFor()
    await ask.getByRole('button', { name: 'Trust and build' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Trusted' }).count()).toBe(1)
  })

  it('shows one bar per unit, each done, once the build succeeded', async () => {
    await expect.poll(() => status().textContent(), { timeout: 120_000 }).toBe('Build succeeded')
    await page.getByRole('tab', { name: 'Timeline', exact: true }).click()
    await expect.poll(() => timeline().getByRole('option').count()).toBe(3)
    for (const name of [/^leaf v0\.1\.0 \(lib leaf\), done in /, /^mid v0\.1\.0 \(lib mid\), done in /]) {
      await expect.poll(() => bar(name).count()).toBe(1)
    }
    await expect.poll(() => bar(/^app v0\.1\.0 \(bin app\), done in /).count()).toBe(1)
    expect(await timeline().locator('[data-state="done"] .timeline-bar').count()).toBe(3)
    const progress = page.getByRole('progressbar', { name: 'Crates compiled' })
    expect(await progress.getAttribute('aria-valuetext')).toBe('3/3 crates')
    await screenshot(page, '30-build-timeline')
  })

  it('shows a unit’s details when its bar is selected', async () => {
    await bar(/^mid v0\.1\.0 \(lib mid\)/).click()
    await expect.poll(() => bar(/^mid v0\.1\.0/).getAttribute('aria-selected')).toBe('true')
    const panel = page.getByRole('complementary', { name: 'Details of mid v0.1.0 (lib mid)' })
    await panel.waitFor()
    expect(await panel.textContent()).toMatch(/State\s*done/)
    expect(await panel.textContent()).toContain('Why it ran')
    // It waits for leaf, and its warning is listed with it.
    await expect.poll(() => panel.getByRole('button', { name: 'leaf v0.1.0 (lib leaf)' }).count()).toBe(1)
    await expect.poll(() => panel.getByRole('button', { name: /unused variable: `unused`/ }).count()).toBe(1)
    await screenshot(page, '31-build-timeline-details')
  })

  it('moves the selection with the keyboard', async () => {
    await timeline().focus()
    await page.keyboard.press('Home')
    const first = timeline().getByRole('option', { selected: true })
    await expect.poll(() => first.count()).toBe(1)
    const firstName = await first.getAttribute('aria-label')
    await page.keyboard.press('End')
    await expect
      .poll(() => timeline().getByRole('option', { selected: true }).getAttribute('aria-label'))
      .not.toBe(firstName)
    const selected = await timeline().getByRole('option', { selected: true }).getAttribute('aria-label')
    const label = /^(.*?\)),/.exec(selected ?? '')?.[1]
    await expect.poll(() => details().getAttribute('aria-label')).toBe(`Details of ${label}`)
    // aria-activedescendant names the selected row, so a screen reader follows it.
    const active = await timeline().getAttribute('aria-activedescendant')
    expect(await page.locator(`#${active}`).getAttribute('aria-label')).toBe(selected)
  })

  it('shows which unit failed, and groups the diagnostics by crate and file', async () => {
    await writeFile(join(root, 'src', 'main.rs'), 'fn main() {\n    let n: u32 = "x";\n    mid::mid();\n}\n')
    await page.getByRole('button', { name: 'Build', exact: true }).click()
    await expect.poll(() => status().textContent(), { timeout: 120_000 }).toMatch(/^Build failed/)
    await expect.poll(() => timeline().getByRole('option').count()).toBe(3)
    await expect.poll(() => bar(/^app v0\.1\.0 \(bin app\), failed in /).count()).toBe(1)
    // Its dependencies built (or, once the engine tracks freshness, were up to date).
    expect(await bar(/^leaf v0\.1\.0 \(lib leaf\), (done in|fresh)/).count()).toBe(1)
    expect(await bar(/^mid v0\.1\.0 \(lib mid\), (done in|fresh)/).count()).toBe(1)

    const diagnostics = page.getByRole('list', { name: 'Diagnostics' })
    const crates = diagnostics.locator('.diagnostic-crate')
    await expect.poll(() => crates.allTextContents()).toContain('app v0.1.0 (bin app)1 error')
    const files = await diagnostics.locator('.diagnostic-file').allTextContents()
    expect(files[files.length - 1]).toBe('src/main.rs')
    const item = diagnostics.getByRole('listitem').filter({ hasText: 'E0308' })
    await expect.poll(() => item.count()).toBe(1)
    expect(await item.textContent()).toMatch(/mismatched types.*main\.rs:2/s)

    // From the failed unit's details, a diagnostic leads to its full text in the log.
    await bar(/^app v0\.1\.0/).click()
    const panel = page.getByRole('complementary', { name: 'Details of app v0.1.0 (bin app)' })
    await panel.getByRole('button', { name: /mismatched types/ }).click()
    await expect
      .poll(() => page.getByRole('tab', { name: 'Output' }).getAttribute('aria-selected'))
      .toBe('true')
    await expect
      .poll(() => page.locator('[data-diagnostic-id].highlighted').textContent())
      .toContain('mismatched types')
    await screenshot(page, '32-build-timeline-failed')
  })

  it('logged no errors in the page', () => {
    expect(errors).toEqual([])
  })
})

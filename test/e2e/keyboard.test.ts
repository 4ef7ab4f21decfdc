/**
 * Every main flow with the keyboard alone, as a person who uses no mouse does it: create a
 * package in the wizard, open a folder (Ctrl+O and the folder browser), edit a manifest field
 * and save it (Ctrl+S, the review), walk the dependency tree with the arrows, build (Ctrl+B, the
 * trust question), reach a diagnostic, and move through the build timeline into a unit's
 * details. Only `page.keyboard` drives the app; and focus must be visible where it lands.
 */
import { access, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openPage, startWebApp, type WebApp } from '../helpers/browser-mode'
import { project } from '../helpers/project'
import { fileTempDir } from '../helpers/temp-dir'

let app: WebApp
let browser: Browser
let page: Page
let errors: string[]
let base: string
let root: string

const status = () => page.locator('.progress-summary').getByRole('status')
const toolbarStatus = () => page.getByRole('toolbar', { name: 'Manifest editor' }).getByRole('status')

/** The few DOM members the in-page checks use (the tests compile without DOM types). */
interface PageElement {
  matches(selector: string): boolean
  readonly ownerDocument: {
    readonly activeElement: unknown
    readonly defaultView: { getComputedStyle(el: PageElement): PageStyle }
  }
}

interface PageStyle {
  readonly outlineStyle: string
  readonly outlineWidth: string
  readonly boxShadow: string
}

/** Whether `target` has the keyboard focus. */
function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate(
    (node) => {
      const el = node as unknown as PageElement
      return el.ownerDocument.activeElement === el
    },
    undefined,
    { timeout: 5000 }
  )
}

/** What has focus, for failure messages. */
const FOCUSED_ELEMENT = `(() => {
  const el = document.activeElement
  if (!el || el === document.body) return 'the page'
  const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''
  return '<' + el.tagName.toLowerCase() + ' role=' + (el.getAttribute('role') ?? '') + '> ' + name
})()`

/** Presses Tab (or Shift+Tab) until `target` has focus; fails if it never does. */
async function tabTo(target: Locator, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(
    `${back ? 'Shift+Tab' : 'Tab'} never reached ${String(target)}; focus is on ${await page.evaluate<string>(FOCUSED_ELEMENT)}`
  )
}

/** The focus indicator `el` draws: its outline, else its box-shadow; '' when it draws none. */
function focusRing(target: Locator): Promise<string> {
  return target.evaluate((node) => {
    const el = node as unknown as PageElement
    const s = el.ownerDocument.defaultView.getComputedStyle(el)
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)
      return `outline ${s.outlineWidth} ${s.outlineStyle}`
    return s.boxShadow === 'none' ? '' : `box-shadow ${s.boxShadow}`
  })
}

/** Whether the browser shows `target`'s focus (`:focus-visible`: it came from the keyboard). */
function isFocusVisible(target: Locator): Promise<boolean> {
  return target.evaluate((node) => (node as unknown as PageElement).matches(':focus-visible'))
}

/** Focused from the keyboard and drawing a 2px focus outline. */
async function expectVisibleFocus(target: Locator): Promise<void> {
  expect(await isFocusVisible(target)).toBe(true)
  expect(await focusRing(target)).toMatch(/^outline 2px solid/)
}

/** `app` (a binary) uses `mid`, which uses `leaf`; `mid` has an unused variable to warn about. */
async function threeCrates(dir: string): Promise<string> {
  await project('leaf').manifest('leaf').file('src/lib.rs', 'pub fn leaf() -> u32 {\n    1\n}\n').build(dir)
  await project('mid')
    .manifest('mid', '\n[dependencies]\nleaf = { path = "../leaf" }\n')
    .file('src/lib.rs', 'pub fn mid() -> u32 {\n    let unused = 2;\n    leaf::leaf() + 1\n}\n')
    .build(dir)
  const p = await project('app')
    .manifest('app', '\n[dependencies]\nmid = { path = "../mid" }\n')
    .file('src/main.rs', 'fn main() {\n    println!("{}", mid::mid());\n}\n')
    .build(dir)
  return p.root
}

beforeAll(async () => {
  base = await fileTempDir('cs-e2e-keys-')
  root = await threeCrates(base)
  app = await startWebApp(await fileTempDir('cs-e2e-config-'), {
    CRATE_STUDIO_CACHE_DIR: join(base, 'cache')
  })
  browser = await launchChromium()
  ;({ page, errors } = await openPage(browser, app.url))
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('browser mode: the keyboard alone', () => {
  it('creates a package through the wizard', async () => {
    const newPackage = page.getByRole('button', { name: 'New Package' })
    await newPackage.waitFor()
    await tabTo(newPackage)
    await expectVisibleFocus(newPackage)
    await page.keyboard.press('Enter')

    // The name field has focus as the wizard opens.
    const name = page.getByLabel('Name', { exact: true })
    await expect.poll(() => isFocused(name)).toBe(true)
    await expectVisibleFocus(name)
    await page.keyboard.type('made-by-keys')
    await page.keyboard.press('Tab')
    expect(await isFocused(page.getByLabel('Location'))).toBe(true)
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type(base)

    // The kind is a radio group: Tab reaches the checked one, an arrow picks the other.
    await tabTo(page.getByRole('radio', { name: 'Binary' }))
    await page.keyboard.press('ArrowRight')
    expect(await page.getByRole('radio', { name: 'Library' }).isChecked()).toBe(true)
    const files = page.getByRole('list', { name: 'Files to create' })
    await expect.poll(() => files.getByText('src/lib.rs').count()).toBe(1)

    const create = page.getByRole('button', { name: 'Create' })
    await expect.poll(() => create.isEnabled()).toBe(true)
    await tabTo(create)
    await expectVisibleFocus(create)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'made-by-keys' }).waitFor()
    await access(join(base, 'made-by-keys', 'src', 'lib.rs'))
  })

  it('opens a folder with Ctrl+O and the folder browser', async () => {
    await page.keyboard.press('ControlOrMeta+O')
    const dialog = page.getByRole('dialog', { name: 'Open a package folder' })
    await dialog.waitFor()
    const path = dialog.getByLabel('Path')
    await expect.poll(() => isFocused(path)).toBe(true)
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type(root)
    await page.keyboard.press('Enter')
    await expect.poll(() => dialog.getByRole('button', { name: /^src/ }).count()).toBe(1)
    const open = dialog.getByRole('button', { name: 'Open', exact: true })
    await tabTo(open)
    await expectVisibleFocus(open)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'app', exact: true }).waitFor()
  })

  it('edits a field in the manifest form and saves it with Ctrl+S', async () => {
    const overview = page.getByRole('tab', { name: 'Overview', exact: true })
    await tabTo(overview)
    await expectVisibleFocus(overview)
    // Arrows move along the tabs and select them.
    await page.keyboard.press('ArrowRight')
    const manifestTab = page.getByRole('tab', { name: 'Manifest', exact: true })
    await expect.poll(() => manifestTab.getAttribute('aria-selected')).toBe('true')
    expect(await isFocused(manifestTab)).toBe(true)

    const description = page.getByLabel('Description', { exact: true })
    await tabTo(description)
    await expectVisibleFocus(description)
    await page.keyboard.type('Edited from the keyboard.')
    await page.keyboard.press('Tab')
    await expect.poll(() => toolbarStatus().textContent()).toBe('Unsaved changes')

    await page.keyboard.press('ControlOrMeta+S')
    const review = page.getByRole('dialog', { name: 'Review changes' })
    await review.waitFor()
    const save = review.getByRole('button', { name: 'Save', exact: true })
    await tabTo(save)
    await expectVisibleFocus(save)
    await page.keyboard.press('Enter')
    await expect.poll(() => toolbarStatus().textContent()).toBe('Saved')
    expect(await readFile(join(root, 'Cargo.toml'), 'utf8')).toContain(
      'description = "Edited from the keyboard."'
    )
  })

  it('walks the dependency tree with the arrow keys', async () => {
    const manifestTab = page.getByRole('tab', { name: 'Manifest', exact: true })
    await tabTo(manifestTab, { back: true })
    await page.keyboard.press('ArrowRight')
    const tree = page.getByRole('tree', { name: 'Dependency tree' })
    await tree.getByRole('treeitem', { name: /^leaf v0\.1\.0 / }).waitFor({ timeout: 60_000 })
    await tabTo(tree)

    const current = tree.locator('.dt-row.is-focused')
    const at = () => current.locator('.dt-name').textContent()
    const item = (name: string) => tree.getByRole('treeitem', { name: new RegExp(`^${name} v0\\.1\\.0 `) })
    // The tree keeps focus and points at its current row, which draws the focus ring.
    expect(await isFocusVisible(tree)).toBe(true)
    expect(await at()).toBe('app')
    expect(await current.getAttribute('id')).toBe(await tree.getAttribute('aria-activedescendant'))
    expect(await focusRing(current)).toMatch(/^box-shadow .*inset/)

    await page.keyboard.press('ArrowDown')
    await expect.poll(at).toBe('mid')
    expect(await item('mid').getAttribute('aria-expanded')).toBe('true')
    await page.keyboard.press('ArrowLeft')
    await expect.poll(() => item('mid').getAttribute('aria-expanded')).toBe('false')
    expect(await item('leaf').count()).toBe(0)
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => item('mid').getAttribute('aria-expanded')).toBe('true')
    expect(await at()).toBe('mid')
    await page.keyboard.press('ArrowRight')
    await expect.poll(at).toBe('leaf')
    await page.keyboard.press('ArrowLeft')
    await expect.poll(at).toBe('mid')
    await page.keyboard.press('Home')
    await expect.poll(at).toBe('app')
    await page.keyboard.press('End')
    await expect.poll(at).toBe('leaf')
    // Typing a name jumps to it; Enter selects the row and shows its details.
    await page.keyboard.type('m')
    await expect.poll(at).toBe('mid')
    await page.keyboard.press('Enter')
    await expect.poll(() => item('mid').getAttribute('aria-selected')).toBe('true')
    const details = page.getByRole('complementary', { name: 'Details of mid 0.1.0' })
    await details.waitFor()
    // Tab goes on into the details.
    const why = details.getByRole('button', { name: 'Why is it here?' })
    await tabTo(why)
    await expectVisibleFocus(why)
  })

  it('builds with Ctrl+B, answers the trust question and reaches a diagnostic', async () => {
    await page.keyboard.press('ControlOrMeta+B')
    const ask = page.getByRole('dialog', { name: 'Trust this folder?' })
    await ask.waitFor()
    const trust = ask.getByRole('button', { name: 'Trust and build' })
    await tabTo(trust)
    await expectVisibleFocus(trust)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Trusted' }).count()).toBe(1)

    // Back to the tabs, over to Overview (the console), on to the diagnostics under it.
    await tabTo(page.getByRole('tab', { name: 'Dependencies', exact: true }), { back: true })
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    await expect
      .poll(() => page.getByRole('tab', { name: 'Overview', exact: true }).getAttribute('aria-selected'))
      .toBe('true')
    await expect.poll(() => status().textContent(), { timeout: 120_000 }).toBe('Build succeeded')
    const warning = page
      .getByRole('list', { name: 'Diagnostics' })
      .getByRole('button', { name: /unused variable: `unused`/ })
    await tabTo(warning)
    await expectVisibleFocus(warning)
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.locator('[data-diagnostic-id].highlighted').textContent())
      .toContain('unused variable')
  })

  it('moves through the build timeline and into a unit’s details', async () => {
    const output = page.getByRole('tab', { name: 'Output', exact: true })
    await tabTo(output, { back: true })
    await page.keyboard.press('ArrowRight')
    const timeline = page.getByRole('listbox', { name: 'Build timeline' })
    await expect.poll(() => timeline.getByRole('option').count()).toBe(3)
    await tabTo(timeline)
    // Nothing selected yet: the list draws the ring itself.
    await expectVisibleFocus(timeline)

    const selected = () => timeline.getByRole('option', { selected: true }).getAttribute('aria-label')
    await page.keyboard.press('ArrowDown')
    await expect.poll(selected).toMatch(/^leaf v0\.1\.0 \(lib leaf\)/)
    expect(await focusRing(timeline.locator('.timeline-row.is-selected'))).toMatch(/^box-shadow .*inset/)
    await page.keyboard.press('End')
    await expect.poll(selected).toMatch(/^app v0\.1\.0 \(bin app\)/)
    await page.keyboard.press('ArrowUp')
    await expect.poll(selected).toMatch(/^mid v0\.1\.0 \(lib mid\)/)

    // Enter opens the selected unit's details: focus moves into them.
    await page.keyboard.press('Enter')
    const details = page.getByRole('complementary', { name: 'Details of mid v0.1.0 (lib mid)' })
    await expect.poll(() => isFocused(details)).toBe(true)
    await expectVisibleFocus(details)
    expect(await details.textContent()).toContain('Why it ran')

    // From the unit it waits for, back on the timeline with that unit selected.
    const leaf = details.getByRole('button', { name: 'leaf v0.1.0 (lib leaf)' })
    await tabTo(leaf)
    await expectVisibleFocus(leaf)
    await page.keyboard.press('Enter')
    await expect.poll(selected).toMatch(/^leaf v0\.1\.0 \(lib leaf\)/)
    expect(await isFocused(timeline)).toBe(true)

    // Escape in the details goes back to the list; Escape there clears the selection.
    await page.keyboard.press('Enter')
    await expect
      .poll(() => isFocused(page.getByRole('complementary', { name: /^Details of leaf/ })))
      .toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => isFocused(timeline)).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => timeline.getByRole('option', { selected: true }).count()).toBe(0)
  })

  it('changes a setting with Ctrl+, and the keyboard alone', async () => {
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+Comma')
    const heading = page.getByRole('heading', { name: 'Settings', level: 1 })
    await heading.waitFor()
    // Moving to another view puts focus on its heading.
    await expect.poll(() => isFocused(heading)).toBe(true)
    const system = page.getByLabel('Same as the system')
    await tabTo(system)
    await expectVisibleFocus(system)
    await page.keyboard.press('ArrowRight')
    expect(await page.getByLabel('Light').isChecked()).toBe(true)
    await tabTo(page.getByRole('button', { name: 'Save Settings' }))
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.evaluate<string | undefined>('document.documentElement.dataset.theme'))
      .toBe('light')
    await tabTo(page.getByRole('button', { name: 'Done' }), { back: true })
    await page.keyboard.press('Enter')
    await expect.poll(() => heading.count()).toBe(0)
  })

  it('logged no errors in the page', () => {
    expect(errors).toEqual([])
  })
})

/**
 * Settings and the desktop habits, in browser mode: a path given at launch opens at once, a
 * folder dropped onto the window opens, the theme setting recolours the page, the wizard
 * proposes the saved defaults, trusted folders can be removed, and About lists the versions.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openPage, screenshot, startWebApp, type WebApp } from '../helpers/browser-mode'
import { project, type Project } from '../helpers/project'
import { fileTempDir } from '../helpers/temp-dir'

let app: WebApp
let browser: Browser
let page: Page
let errors: string[]
let configDir: string
let first: Project
let second: Project
let trusted: string

beforeAll(async () => {
  configDir = await fileTempDir('cs-e2e-settings-')
  first = await project()
    .manifest('launched')
    .file('src/main.rs', 'fn main() {}\n')
    .build(await fileTempDir())
  second = await project()
    .manifest('dropped')
    .file('src/lib.rs', '')
    .build(await fileTempDir())
  trusted = await fileTempDir('cs-e2e-trusted-')
  await writeFile(join(configDir, 'trusted-folders.json'), JSON.stringify([{ path: trusted, trustedAt: 1 }]))
  app = await startWebApp(configDir, {}, [first.manifest])
  browser = await launchChromium()
  ;({ page, errors } = await openPage(browser, app.url))
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

// Page-side code as strings: the tests compile without the DOM's types.
const background = () => page.evaluate<string>('getComputedStyle(document.body).backgroundColor')

/** What a file manager's drop carries: the folder as a file:// URL in text/uri-list. */
const DROP = `(url) => {
  const data = new DataTransfer()
  data.setData('text/uri-list', url)
  for (const type of ['dragenter', 'dragover', 'drop'])
    window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }))
}`

describe('settings and desktop habits', () => {
  it('opens the Cargo.toml given on the command line', async () => {
    await page.getByRole('heading', { name: 'launched', level: 1 }).waitFor()
  })

  it('opens a folder dropped onto the window', async () => {
    await page.evaluate(`(${DROP})(${JSON.stringify(pathToFileURL(second.root).href)})`)
    await page.getByRole('heading', { name: 'dropped', level: 1 }).waitFor()
  })

  it('saves settings, and the theme recolours the page at once', async () => {
    await page.emulateMedia({ colorScheme: 'light' })
    const light = await background()
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor()
    await page.getByLabel('Dark').check()
    await page.getByLabel('Edition').selectOption('2021')
    await page.getByLabel('Author').fill('Ferris <ferris@example.com>')
    await page.getByLabel('Parallel jobs').fill('0')
    await expect.poll(() => page.getByText('Enter a whole number from 1 to 256').count()).toBe(1)
    await expect.poll(() => page.getByRole('button', { name: 'Save Settings' }).isDisabled()).toBe(true)
    await page.getByLabel('Parallel jobs').fill('2')
    await page.getByRole('button', { name: 'Save Settings' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1)
    await expect
      .poll(() => page.evaluate<string | undefined>('document.documentElement.dataset.theme'))
      .toBe('dark')
    expect(await background()).not.toBe(light)
    const saved = JSON.parse(await readFile(join(configDir, 'settings.json'), 'utf8')) as Record<
      string,
      unknown
    >
    expect(saved).toMatchObject({
      theme: 'dark',
      edition: '2021',
      author: 'Ferris <ferris@example.com>',
      jobs: 2
    })
    await page.getByRole('heading', { name: 'Settings', level: 1 }).scrollIntoViewIfNeeded()
    await screenshot(page, '50-settings')
  })

  it('removes a trusted folder', async () => {
    const list = page.getByRole('list', { name: 'Trusted folders' })
    await list.getByText(trusted, { exact: true }).waitFor()
    await page.getByRole('button', { name: `Remove ${trusted} from trusted folders` }).click()
    await expect.poll(() => list.getByText(trusted, { exact: true }).count()).toBe(0)
    expect(JSON.parse(await readFile(join(configDir, 'trusted-folders.json'), 'utf8'))).toEqual([])
  })

  it('trusts a folder after asking, in the page', async () => {
    await page.getByRole('button', { name: 'Trust a Folder…' }).click()
    const browserDialog = page.getByRole('dialog')
    await browserDialog.getByLabel('Path').fill(trusted)
    await browserDialog.getByRole('button', { name: 'Go', exact: true }).click()
    await browserDialog.getByRole('button', { name: 'Open', exact: true }).click()
    const ask = page.getByRole('dialog', { name: 'Trust this folder?' })
    await ask.waitFor()
    await ask.getByRole('button', { name: 'Trust Folder' }).click()
    const list = page.getByRole('list', { name: 'Trusted folders' })
    await list.getByText(trusted, { exact: true }).waitFor()
    expect(JSON.parse(await readFile(join(configDir, 'trusted-folders.json'), 'utf8'))).toEqual([
      { path: trusted, trustedAt: expect.any(Number) as number }
    ])
  })

  it('previews a theme before it is saved, and leaving without saving goes back', async () => {
    const theme = () => page.evaluate<string | undefined>('document.documentElement.dataset.theme')
    await page.getByLabel('Light').check()
    await expect.poll(theme).toBe('light')
    await page.getByRole('button', { name: 'Done' }).click()
    await expect.poll(theme).toBe('dark')
  })

  it('proposes the saved defaults in the wizard', async () => {
    await page.getByRole('heading', { name: 'dropped', level: 1 }).waitFor()
    await page.getByRole('navigation').getByRole('button', { name: 'Crate Studio' }).click()
    await page.getByRole('button', { name: 'New Package' }).click()
    await expect.poll(() => page.getByLabel('Edition').inputValue()).toBe('2021')
    expect(await page.getByLabel('Authors').inputValue()).toBe('Ferris <ferris@example.com>')
  })

  it('shows the versions in About', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'About' }).click()
    const about = page.getByRole('dialog', { name: 'About Crate Studio' })
    await about.waitFor()
    await expect.poll(() => about.getByText(/^rustc \d+\.\d+/).count()).toBe(1)
    expect(await about.getByText('none (browser mode)').count()).toBe(1)
    expect(await about.getByText(process.versions.node, { exact: true }).count()).toBe(1)
    await page.keyboard.press('Escape')
    await expect.poll(() => about.count()).toBe(0)
    expect(errors).toEqual([])
  })
})

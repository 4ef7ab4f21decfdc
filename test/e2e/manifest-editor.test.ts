/**
 * The manifest editor in browser mode, as a person uses it: change the version in the form,
 * review the diff, save (only that line changes on disk); then edit the file outside while
 * the form has unsaved changes and get the conflict prompt instead of a silent overwrite.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
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
import { fileTempDir } from '../helpers/temp-dir'

// Hand-written on purpose: comments, odd spacing, an inline table and CRLF endings must survive.
const ORIGINAL = [
  '# The package, as its author wrote it.',
  '[package]',
  'name    = "hand-made"   # aligned by hand',
  'version = "0.1.0"',
  'edition = "2021"',
  '',
  '[dependencies]',
  '# none yet',
  '',
  '[profile.release]',
  'lto = true # keep',
  ''
].join('\r\n')

let app: WebApp
let browser: Browser
let page: Page
let errors: string[]
let manifest: string

const toolbarStatus = () => page.getByRole('toolbar', { name: 'Manifest editor' }).getByRole('status')

beforeAll(async () => {
  const dir = join(await fileTempDir('cs-e2e-editor-'), 'hand-made')
  await mkdir(join(dir, 'src'), { recursive: true })
  await writeFile(join(dir, 'src', 'lib.rs'), 'pub fn hi() {}\n')
  manifest = join(dir, 'Cargo.toml')
  await writeFile(manifest, ORIGINAL)

  app = await startWebApp(await fileTempDir('cs-e2e-config-'))
  browser = await launchChromium()
  ;({ page, errors } = await openPage(browser, app.url))
  await openFolder(page, dir)
  await page.getByRole('heading', { name: 'hand-made' }).waitFor()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('browser mode: the manifest editor', () => {
  it('changes the version in the form, shows the diff and saves only that line', async () => {
    await page.getByRole('tab', { name: 'Manifest', exact: true }).click()
    const version = page.getByLabel('Version', { exact: true })
    await expect.poll(() => version.inputValue()).toBe('0.1.0')
    await version.fill('0.2.0')
    await version.blur()
    await expect.poll(() => toolbarStatus().textContent()).toBe('Unsaved changes')
    // Nothing is written before the review.
    expect(await readFile(manifest, 'utf8')).toBe(ORIGINAL)

    await page.getByRole('button', { name: 'Save', exact: true }).click()
    const review = page.getByRole('dialog', { name: 'Review changes' })
    await review.waitFor()
    const diff = review.getByRole('table', { name: 'Changes to Cargo.toml' })
    await expect.poll(() => diff.textContent()).toContain('version = "0.2.0"')
    expect(await diff.textContent()).toContain('version = "0.1.0"')
    await screenshot(page, '10-manifest-review')

    await review.getByRole('button', { name: 'Save', exact: true }).click()
    await expect.poll(() => toolbarStatus().textContent()).toBe('Saved')
    const saved = await readFile(manifest, 'utf8')
    expect(saved).toBe(ORIGINAL.replace('version = "0.1.0"', 'version = "0.2.0"'))
    const before = ORIGINAL.split('\r\n')
    const after = saved.split('\r\n')
    expect(after.length).toBe(before.length)
    expect(after.filter((line, i) => line !== before[i])).toEqual(['version = "0.2.0"'])
  })

  it('asks before overwriting a file edited outside while the form is dirty', async () => {
    const description = page.getByLabel('Description', { exact: true })
    await description.fill('Made by hand.')
    await description.blur()
    await expect.poll(() => toolbarStatus().textContent()).toBe('Unsaved changes')

    const outside = (await readFile(manifest, 'utf8')).replace('# none yet', '# edited in another editor')
    await writeFile(manifest, outside)
    const prompt = page.getByRole('dialog', { name: 'Cargo.toml changed on disk' })
    await prompt.waitFor({ timeout: 15_000 })
    await screenshot(page, '11-manifest-conflict')
    // The prompt alone writes nothing: the outside edit is still there.
    expect(await readFile(manifest, 'utf8')).toBe(outside)

    await prompt.getByRole('button', { name: 'Merge', exact: true }).click()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    const review = page.getByRole('dialog', { name: 'Review changes' })
    await review.getByRole('button', { name: 'Save', exact: true }).click()
    await expect.poll(() => toolbarStatus().textContent()).toBe('Saved')
    const merged = await readFile(manifest, 'utf8')
    expect(merged).toContain('# edited in another editor')
    expect(merged).toContain('description = "Made by hand."')
    expect(merged).toContain('lto = true # keep')
  })

  it('reloads an outside edit by itself when nothing is unsaved', async () => {
    const text = (await readFile(manifest, 'utf8')).replace('version = "0.2.0"', 'version = "0.3.0"')
    await writeFile(manifest, text)
    await expect
      .poll(() => page.getByLabel('Version', { exact: true }).inputValue(), { timeout: 15_000 })
      .toBe('0.3.0')
    await expect.poll(() => toolbarStatus().textContent()).toBe('Saved')
    await screenshot(page, '12-manifest-editor')
  })

  it('opens a folder whose Cargo.toml does not parse in the editor, and loads it once fixed', async () => {
    const dir = join(await fileTempDir('cs-e2e-broken-'), 'broken')
    await mkdir(join(dir, 'src'), { recursive: true })
    await writeFile(join(dir, 'src', 'main.rs'), 'fn main() {}\n')
    const broken = join(dir, 'Cargo.toml')
    await writeFile(broken, '[package]\nname = "broken\nversion = "0.1.0"\n')
    await page.getByRole('navigation').getByRole('button', { name: 'Crate Studio' }).click()
    await openFolder(page, dir)
    await page.getByRole('heading', { name: 'Cannot open this folder' }).waitFor()
    await page.getByRole('button', { name: 'Edit Cargo.toml', exact: true }).click()

    const raw = page.getByLabel('Raw TOML', { exact: true })
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Line 2' }).count()).toBe(1)
    await screenshot(page, '13-manifest-parse-error')
    await raw.fill('[package]\nname = "broken"\nversion = "0.1.0"\nedition = "2021"\n')
    await raw.blur()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page
      .getByRole('dialog', { name: 'Review changes' })
      .getByRole('button', { name: 'Save', exact: true })
      .click()
    await page.getByRole('heading', { name: 'broken', exact: true }).waitFor({ timeout: 15_000 })
    expect(await readFile(broken, 'utf8')).toBe(
      '[package]\nname = "broken"\nversion = "0.1.0"\nedition = "2021"\n'
    )
  })

  it('logged no errors in the page', () => {
    expect(errors).toEqual([])
  })
})

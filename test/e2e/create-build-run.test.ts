/**
 * The foundation's user flow in browser mode, as a person clicks it: the wizard, Build, the
 * "Finished" line, Run and its output, a compile error in the diagnostics list, Cancel, and
 * opening a 2014-format package through the folder browser.
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
import { copyFixtureForFile } from '../helpers/fixtures'
import { fileTempDir } from '../helpers/temp-dir'

let app: WebApp
let browser: Browser
let page: Page
let errors: string[]
let workDir: string

/** Whether a process runs the given executable (the program the console started). */
async function running(executable: string): Promise<boolean> {
  const { execa } = await import('execa')
  const r = await execa('pgrep', ['-f', '--', executable], { reject: false })
  return r.exitCode === 0
}

const log = () => page.getByRole('log', { name: 'Build output' })
const status = () => page.locator('.progress-summary').getByRole('status')

beforeAll(async () => {
  app = await startWebApp(await fileTempDir('cs-e2e-config-'))
  browser = await launchChromium()
  ;({ page, errors } = await openPage(browser, app.url))
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('browser mode: create, build and run a package', () => {
  it('shows the start page with the toolchain found', async () => {
    await page.getByRole('button', { name: 'New Package' }).waitFor()
    await expect.poll(() => page.getByText(/rustc \d+\.\d+\.\d+/).count()).toBeGreaterThan(0)
    await screenshot(page, '01-start-page')
  })

  it('validates the name as you type and previews the files', async () => {
    workDir = await fileTempDir('cs-e2e-')
    await page.getByRole('button', { name: 'New Package' }).click()
    const name = page.getByLabel('Name', { exact: true })
    await name.fill('1bad')
    await expect.poll(() => page.getByText('the name cannot start with a digit').count()).toBeGreaterThan(0)
    await expect.poll(() => page.getByRole('button', { name: 'Create' }).isDisabled()).toBe(true)
    await name.fill('hello-e2e')
    await page.getByLabel('Location').fill(workDir)
    const files = page.getByRole('list', { name: 'Files to create' })
    await expect.poll(() => files.getByText('src/main.rs').count()).toBe(1)
    await expect.poll(() => page.getByText('name = "hello-e2e"').count()).toBe(1)
    await screenshot(page, '02-wizard')
  })

  it('creates the package and shows its crates', async () => {
    await page.getByRole('button', { name: 'Create' }).click()
    await page.getByRole('heading', { name: 'hello-e2e' }).waitFor()
    await expect
      .poll(() => page.getByRole('list', { name: 'Crates' }).getByText('src/main.rs').count())
      .toBe(1)
    await screenshot(page, '03-project')
  })

  it('builds with one click and streams cargo-style output', async () => {
    await page.getByRole('button', { name: 'Build', exact: true }).click()
    await expect.poll(() => status().textContent(), { timeout: 120_000 }).toBe('Build succeeded')
    await expect
      .poll(() => log().textContent())
      .toMatch(/Compiling hello-e2e v0\.1\.0 .*Finished `dev` profile/s)
    const progress = page.getByRole('progressbar', { name: 'Crates compiled' })
    expect(await progress.getAttribute('aria-valuetext')).toBe('1/1 crates')
    await screenshot(page, '04-build-console')
  })

  it('runs the binary and shows its output', async () => {
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await expect.poll(() => status().textContent(), { timeout: 120_000 }).toBe('Run finished')
    await expect.poll(() => log().textContent()).toContain('Hello, world!')
    await expect.poll(() => page.getByText('Program exited with code 0').count()).toBe(1)
    await screenshot(page, '05-run-output')
  })

  it('lists a compile error with its file and line, and jumps to it', async () => {
    await writeFile(
      join(workDir, 'hello-e2e', 'src', 'main.rs'),
      'fn main() {\n    let x = 1;\n    println!("{}", nope);\n}\n'
    )
    await page.getByRole('button', { name: 'Build', exact: true }).click()
    await expect.poll(() => status().textContent(), { timeout: 120_000 }).toMatch(/^Build failed/)
    const diagnostics = page.getByRole('list', { name: 'Diagnostics' })
    const item = diagnostics.getByRole('listitem').filter({ hasText: 'E0425' })
    await expect.poll(() => item.count()).toBe(1)
    expect(await item.textContent()).toMatch(/cannot find value `nope` in this scope.*main\.rs:3/s)
    expect(await log().textContent()).toContain(
      'error: could not compile `hello-e2e` (bin "hello-e2e") due to 1 previous error'
    )
    await item.getByRole('button').first().click()
    await expect.poll(() => page.locator('[data-diagnostic-id].highlighted').textContent()).toContain('nope')
    await screenshot(page, '06-diagnostics')
  })

  it('cancels a running program', async () => {
    await writeFile(
      join(workDir, 'hello-e2e', 'src', 'main.rs'),
      'fn main() {\n    println!("waiting");\n    std::thread::sleep(std::time::Duration::from_secs(600));\n}\n'
    )
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await expect.poll(() => log().textContent(), { timeout: 120_000 }).toContain('waiting')
    const binary = join(workDir, 'hello-e2e', 'target', 'debug', 'hello-e2e')
    expect(await running(binary)).toBe(true)
    await page.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => status().textContent(), { timeout: 20_000 }).toBe('Cancelled')
    await expect.poll(() => running(binary), { timeout: 5000 }).toBe(false)
  })

  it('opens a 2014-format package through the folder browser and builds it', async () => {
    const fixture = await copyFixtureForFile('legacy-2014')
    await page.getByRole('navigation').getByRole('button', { name: 'Crate Studio' }).click()
    await openFolder(page, join(fixture, 'color-tool'))
    await page.getByRole('heading', { name: 'color-tool' }).waitFor()
    await expect.poll(() => page.getByText('2014 format').count()).toBeGreaterThan(0)
    const crates = page.getByRole('list', { name: 'Crates' })
    await expect.poll(() => crates.getByText('src/exe/folkster.rs').count()).toBe(1)
    // An opened folder (unlike a package made here) is asked about first: its build command runs.
    await page.getByRole('button', { name: 'Build', exact: true }).click()
    await page
      .getByRole('dialog', { name: 'Trust this folder?' })
      .getByRole('button', { name: 'Trust and build' })
      .click()
    await expect.poll(() => status().textContent(), { timeout: 120_000 }).toBe('Build succeeded')
    expect(await log().textContent()).toContain('Compiling hammer v0.5.0')
    await screenshot(page, '07-legacy-2014')
  })

  it('lists the projects just opened as recent', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Crate Studio' }).click()
    const recent = page.getByRole('list', { name: 'Recent projects' })
    await expect.poll(() => recent.getByRole('button', { name: 'color-tool', exact: true }).count()).toBe(1)
    await expect.poll(() => recent.getByRole('button', { name: 'hello-e2e', exact: true }).count()).toBe(1)
  })

  it('logged no errors in the page', () => {
    expect(errors).toEqual([])
  })
})

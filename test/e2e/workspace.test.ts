/**
 * Workspaces in browser mode, as a person clicks them: the overview of a virtual workspace's
 * members, adding a member with the wizard (registered in `members`), the crates members share,
 * and promoting one to `[workspace.dependencies]` from its diff preview.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  launchChromium,
  openFolder,
  openPage,
  screenshot,
  startWebApp,
  type WebApp
} from '../helpers/browser-mode'
import { offlineWorkspace } from '../helpers/workspace-fixture'
import { fileTempDir } from '../helpers/temp-dir'

let app: WebApp
let browser: Browser
let page: Page
let errors: string[]
let dir: string

const members = () => page.getByRole('table', { name: 'Workspace members' })

beforeAll(async () => {
  dir = await offlineWorkspace('virtual', 'shapes')
  app = await startWebApp(await fileTempDir('cs-e2e-config-'), {
    CRATE_STUDIO_CACHE_DIR: await fileTempDir('cs-e2e-cache-')
  })
  browser = await launchChromium()
  ;({ page, errors } = await openPage(browser, app.url))
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('browser mode: a workspace', () => {
  it('opens a virtual workspace on its members', async () => {
    await openFolder(page, dir)
    await members().waitFor()
    const rows = members().getByRole('row')
    await expect.poll(() => rows.count()).toBe(5)
    for (const name of ['core-shapes', 'shape-util', 'helper', 'shapes-cli'])
      await members().getByRole('button', { name, exact: true }).waitFor()
    // Default members are picked for Build selected from the start.
    expect(await page.getByRole('checkbox', { name: 'Select core-shapes' }).isChecked()).toBe(true)
    expect(await page.getByRole('checkbox', { name: 'Select helper' }).isChecked()).toBe(false)
    // The selection is kept while looking at another tab.
    await page.getByRole('checkbox', { name: 'Select helper' }).check()
    await page.getByRole('tab', { name: 'Overview' }).click()
    await page.getByRole('tab', { name: 'Workspace' }).click()
    expect(await page.getByRole('checkbox', { name: 'Select helper' }).isChecked()).toBe(true)
    await expect
      .poll(() => page.getByRole('table', { name: 'Crates several members use' }).getByText('itoa').count())
      .toBe(1)
    await screenshot(page, '20-workspace-overview')
  })

  it('promotes a shared dependency after showing the diff of every manifest', async () => {
    await page.getByRole('button', { name: 'Promote itoa to a workspace dependency' }).click()
    const dialog = page.getByRole('dialog', { name: 'Promote itoa to a workspace dependency' })
    await dialog.getByRole('table', { name: 'Changes to Cargo.toml' }).waitFor()
    await dialog.getByRole('table', { name: 'Changes to vendor/helper/Cargo.toml' }).waitFor()
    // Nothing is written before Apply.
    expect(await readFile(join(dir, 'Cargo.toml'), 'utf8')).not.toContain('itoa')
    await screenshot(page, '21-promote-preview')
    await dialog.getByRole('button', { name: 'Apply' }).click()
    await expect.poll(() => dialog.count()).toBe(0)
    expect(await readFile(join(dir, 'Cargo.toml'), 'utf8')).toContain('itoa = "1"\n')
    expect(await readFile(join(dir, 'vendor', 'helper', 'Cargo.toml'), 'utf8')).toContain(
      'itoa = { workspace = true }'
    )
    // The view re-reads the workspace: every use of itoa is inherited now.
    const row = page
      .getByRole('table', { name: 'Crates several members use' })
      .getByRole('row', { name: /itoa/ })
    await expect.poll(() => row.getByText('workspace').count()).toBe(2)
  })

  it('adds a member with the wizard and registers it in members', async () => {
    await page.getByRole('button', { name: 'Add member…' }).click()
    await page.getByLabel('Name', { exact: true }).fill('shapes-extra')
    expect(await page.getByLabel('Location').inputValue()).toBe(dir)
    const note = page.getByRole('region', { name: 'Workspace' })
    await expect.poll(() => note.textContent()).toMatch(/Joins the workspace/)
    await expect.poll(() => page.getByText('version.workspace = true').count()).toBeGreaterThan(0)
    await screenshot(page, '22-add-member')
    await page.getByRole('button', { name: 'Create' }).click()
    await page.getByRole('heading', { name: 'shapes-extra' }).waitFor()
    expect(await readFile(join(dir, 'Cargo.toml'), 'utf8')).toContain(
      'members = ["crates/*", "shapes-extra", "tools/cli"]'
    )
    await page.getByRole('tab', { name: 'Workspace' }).click()
    await members().getByRole('button', { name: 'shapes-extra', exact: true }).waitFor()
  })

  it("edits the workspace root's manifest with its own forms", async () => {
    await page.getByRole('tab', { name: 'Manifest' }).click()
    await page.getByRole('radio', { name: 'Workspace root' }).check()
    const members = page.getByLabel('Members', { exact: true })
    await expect.poll(() => members.inputValue()).toBe('crates/*\nshapes-extra\ntools/cli')
    // A virtual root has no package: only what such a manifest may hold is offered.
    const sections = page.getByRole('navigation', { name: 'Manifest sections' })
    expect(await sections.getByRole('button', { name: 'Package' }).count()).toBe(0)
    expect(await sections.getByRole('button', { name: 'Workspace' }).count()).toBe(1)
    await screenshot(page, '23-workspace-manifest')
    expect(errors).toEqual([])
  })
})

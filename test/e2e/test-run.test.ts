/**
 * One-click Test in browser mode, as a person uses it: a library with a passing and a failing
 * unit test and an integration test; Test builds every harness and runs them all, the results
 * panel lists each suite with its counts, the failing test shows its assertion when selected,
 * "Failed only" hides what passed; then Cancel stops a test that sleeps.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openPage, screenshot, startWebApp, type WebApp } from '../helpers/browser-mode'
import { fileTempDir } from '../helpers/temp-dir'

let app: WebApp
let browser: Browser
let page: Page
let errors: string[]
let root: string

const LIB = `pub fn add(a: u64, b: u64) -> u64 {
    a + b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds() {
        assert_eq!(add(2, 2), 4);
    }

    #[test]
    fn adds_wrongly() {
        assert_eq!(add(2, 2), 5, "two and two");
    }
}
`

const INTEGRATION = `#[test]
fn adds_from_outside() {
    assert_eq!(tested_e2e::add(1, 2), 3);
}
`

const SLOW = `#[test]
fn sleeps() {
    std::thread::sleep(std::time::Duration::from_secs(600));
}
`

/** Whether a process runs an executable whose path matches (a test harness the app started). */
async function running(pattern: string): Promise<boolean> {
  const { execa } = await import('execa')
  const r = await execa('pgrep', ['-f', '--', pattern], { reject: false })
  return r.exitCode === 0
}

const status = () => page.locator('.progress-summary').getByRole('status')
const panel = () => page.getByRole('region', { name: 'Test results' })
const tree = () => panel().getByRole('tree', { name: 'Test results' })
const item = (name: RegExp) => tree().getByRole('treeitem', { name })
const log = () => page.getByRole('log', { name: 'Build output' })

beforeAll(async () => {
  app = await startWebApp(await fileTempDir('cs-e2e-config-'))
  browser = await launchChromium()
  ;({ page, errors } = await openPage(browser, app.url))
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('browser mode: run the tests and read the results', () => {
  it('creates a library with unit tests and an integration test', async () => {
    const workDir = await fileTempDir('cs-e2e-test-')
    await page.getByRole('button', { name: 'New Package' }).click()
    await page.getByLabel('Name', { exact: true }).fill('tested-e2e')
    await page.getByLabel('Location').fill(workDir)
    await page.getByRole('radio', { name: 'Library' }).check()
    await page.getByRole('button', { name: 'Create' }).click()
    await page.getByRole('heading', { name: 'tested-e2e' }).waitFor()
    root = join(workDir, 'tested-e2e')
    await writeFile(join(root, 'src', 'lib.rs'), LIB)
    await mkdir(join(root, 'tests'))
    await writeFile(join(root, 'tests', 'it.rs'), INTEGRATION)
  })

  it('runs every harness with one click and lists each suite with its counts', async () => {
    await page.getByRole('button', { name: 'Test', exact: true }).click()
    await expect.poll(() => status().textContent(), { timeout: 120_000 }).toBe('Tests failed')
    // A test run opens on its results.
    const tab = page.getByRole('tab', { name: /^Tests/ })
    expect(await tab.getAttribute('aria-selected')).toBe('true')
    expect(await tab.textContent()).toBe('Tests1 failed')
    await expect.poll(() => panel().getByRole('status').textContent()).toBe('1 failed')
    await expect
      .poll(() => item(/^unittests src\/lib\.rs, failed: 1 passed, 1 failed, 0 ignored$/).count())
      .toBe(1)
    // The failing unit test did not stop the integration test from running (no fail-fast).
    await expect.poll(() => item(/^tests\/it\.rs, passed: 1 passed, 0 failed, 0 ignored$/).count()).toBe(1)
    for (const name of ['tests::adds, passed', 'tests::adds_wrongly, failed', 'adds_from_outside, passed']) {
      expect(await tree().getByRole('treeitem', { name, exact: true }).count()).toBe(1)
    }
    // The console keeps cargo's lines for whoever wants them.
    await page.getByRole('tab', { name: 'Output', exact: true }).click()
    await expect
      .poll(() => log().textContent())
      .toMatch(/Running unittests src\/lib\.rs \(target\/debug\/deps\//)
    await tab.click()
    await screenshot(page, '40-test-results')
  })

  it('shows the failing test’s assertion when it is selected', async () => {
    const failing = tree().getByRole('treeitem', { name: 'tests::adds_wrongly, failed', exact: true })
    await failing.click()
    expect(await failing.getAttribute('aria-selected')).toBe('true')
    const details = panel().getByRole('region', { name: /^Failed\s*tests::adds_wrongly$/ })
    const output = details.getByLabel('Output', { exact: true })
    await expect.poll(() => output.textContent()).toContain('two and two')
    expect(await output.textContent()).toMatch(/assertion `left == right` failed/)
    expect(await output.textContent()).toMatch(/left: 4\s+right: 5/)
    await screenshot(page, '41-failing-test')
  })

  it('shows only what failed with "Failed only"', async () => {
    await panel().getByRole('checkbox', { name: 'Failed only' }).check()
    await expect.poll(() => item(/^tests\/it\.rs,/).count()).toBe(0)
    expect(await tree().getByRole('treeitem', { name: 'tests::adds, passed', exact: true }).count()).toBe(0)
    expect(await item(/^unittests src\/lib\.rs, failed/).count()).toBe(1)
    expect(
      await tree().getByRole('treeitem', { name: 'tests::adds_wrongly, failed', exact: true }).count()
    ).toBe(1)
    await panel().getByRole('checkbox', { name: 'Failed only' }).uncheck()
    await expect.poll(() => item(/^tests\/it\.rs,/).count()).toBe(1)
  })

  it('cancels a test that sleeps, and stops its harness', async () => {
    await writeFile(join(root, 'tests', 'slow.rs'), SLOW)
    await page.getByRole('button', { name: 'Test', exact: true }).click()
    await expect.poll(() => status().textContent()).not.toBe('Tests failed')
    const harness = join(root, 'target', 'debug', 'deps', 'slow-')
    await expect.poll(() => running(harness), { timeout: 120_000 }).toBe(true)
    await expect.poll(() => status().textContent()).toBe('Testing…')
    // The harnesses before it ran to the end; it is listed as running before any test finished.
    await expect.poll(() => item(/^tests\/it\.rs, passed/).count()).toBe(1)
    await expect.poll(() => item(/^tests\/slow\.rs, running: 0 passed/).count()).toBe(1)
    await page.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => status().textContent(), { timeout: 20_000 }).toBe('Cancelled')
    await expect.poll(() => panel().getByRole('status').textContent()).toBe('Cancelled')
    expect(await item(/^tests\/slow\.rs, cancelled: 0 passed/).count()).toBe(1)
    await expect.poll(() => running(harness), { timeout: 5000 }).toBe(false)
    await screenshot(page, '42-test-cancelled')
  })

  it('logged no errors in the page', () => {
    expect(errors).toEqual([])
  })
})

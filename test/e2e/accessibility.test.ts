/**
 * axe-core over every screen a person meets, in the light and the dark colour scheme: the start
 * page (empty and with recent projects), the wizard, the folder browser, an opened package
 * (overview, trust question, build output with diagnostics, timeline with a unit's details, a
 * program's output in every ANSI colour, test results with a failure's output, a failed build,
 * manifest forms and raw text, the save review, the leave question, the console drawer), and a
 * package with every kind of dependency (its dependency forms, tree, "why is it here?" and
 * duplicates), a workspace (members, shared crates, the promotion preview) and a 2014-format
 * manifest (its banner and the modernisation preview), Settings (also with the dark theme pinned by
 * the setting) and About. WCAG 2.x A/AA, colour contrast included; a serious or critical violation fails.
 * One server, one browser; builds are of three tiny path crates.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, formatViolations, seriousViolations, type AxeScope } from '../helpers/axe'
import { launchChromium, openFolder, openPage, startWebApp, type WebApp } from '../helpers/browser-mode'
import { requireCargoAndRegistry } from '../helpers/cargo-offline'
import { copyFixtureForFile } from '../helpers/fixtures'
import { MIXED_CRATES, mixedPackage } from '../helpers/mixed-package'
import { project } from '../helpers/project'
import { fileTempDir } from '../helpers/temp-dir'
import { offlineWorkspace } from '../helpers/workspace-fixture'

let app: WebApp
let browser: Browser
let page: Page
let errors: string[]
let root: string
let mixed: string

const SCHEMES = ['light', 'dark'] as const
const DIALOG: AxeScope = { include: 'dialog[open]' }

const status = () => page.locator('.progress-summary').getByRole('status')

/**
 * Checks what is on screen in both colour schemes and fails with every serious violation of
 * both at once. Reduced motion keeps transitions from being caught half way between colours.
 */
async function expectAccessibleInBothSchemes(where: string, scope: AxeScope = {}): Promise<void> {
  const reports: string[] = []
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' })
    const failing = seriousViolations(await axeViolations(page, scope))
    if (failing.length > 0) reports.push(`${where}, ${colorScheme} scheme:\n${formatViolations(failing)}`)
  }
  await page.emulateMedia({ colorScheme: 'light' })
  if (reports.length > 0) throw new Error(`axe found serious violations on\n${reports.join('\n')}`)
}

/** Prints a line in each of the 16 ANSI colours, and a bold and a dim one. */
const PRINT_COLOURS = [
  'for code in (30..38).chain(90..98) {',
  '        println!("\\x1b[{code}mcolour {code}\\x1b[0m");',
  '    }',
  '    println!("\\x1b[1;31mbold red\\x1b[0m \\x1b[2mdim\\x1b[0m");'
].join('\n')

/**
 * `app` (a binary printing in colour, with a passing and a failing test) uses `mid` (with a
 * warning), which uses `leaf`.
 */
async function threeCrates(base: string): Promise<string> {
  await project('leaf').manifest('leaf').file('src/lib.rs', 'pub fn leaf() -> u32 {\n    1\n}\n').build(base)
  await project('mid')
    .manifest('mid', '\n[dependencies]\nleaf = { path = "../leaf" }\n')
    .file('src/lib.rs', 'pub fn mid() -> u32 {\n    let unused = 2;\n    leaf::leaf() + 1\n}\n')
    .build(base)
  const p = await project('app')
    .manifest('app', '\n[dependencies]\nmid = { path = "../mid" }\n')
    .file(
      'src/main.rs',
      `fn main() {\n    ${PRINT_COLOURS}\n    println!("{}", mid::mid());\n}\n\n#[test]\nfn adds() {\n    assert_eq!(mid::mid(), 2);\n}\n\n#[test]\nfn adds_wrongly() {\n    assert_eq!(mid::mid(), 3, "two is not three");\n}\n`
    )
    .build(base)
  return p.root
}

beforeAll(async () => {
  await requireCargoAndRegistry(MIXED_CRATES)
  const base = await fileTempDir('cs-e2e-a11y-')
  root = await threeCrates(base)
  mixed = await mixedPackage(join(base, 'mixed'))
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

describe('browser mode: accessibility (axe, WCAG 2.x A/AA, both colour schemes)', () => {
  it('the start page', async () => {
    await page.getByRole('button', { name: 'New Package' }).waitFor()
    await expect.poll(() => page.getByText(/rustc \d+\.\d+\.\d+/).count()).toBeGreaterThan(0)
    await expectAccessibleInBothSchemes('the start page')
  })

  it('the wizard, with a name it refuses', async () => {
    await page.getByRole('button', { name: 'New Package' }).click()
    await page.getByLabel('Name', { exact: true }).fill('1bad')
    await expect.poll(() => page.getByText('the name cannot start with a digit').count()).toBeGreaterThan(0)
    await expectAccessibleInBothSchemes('the wizard with an error')
  })

  it('the wizard, previewing the files', async () => {
    await page.getByLabel('Name', { exact: true }).fill('made-here')
    await page.getByLabel('Location').fill(await fileTempDir('cs-e2e-a11y-new-'))
    const files = page.getByRole('list', { name: 'Files to create' })
    await expect.poll(() => files.getByText('src/main.rs').count()).toBe(1)
    await expectAccessibleInBothSchemes('the wizard with a preview')
  })

  it('the folder browser', async () => {
    await page.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('button', { name: 'Open Folder' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Path').fill(join(root, '..'))
    await dialog.getByRole('button', { name: 'Go', exact: true }).click()
    await expect.poll(() => dialog.getByRole('button', { name: /^app/ }).count()).toBe(1)
    await expectAccessibleInBothSchemes('the folder browser', DIALOG)
  })

  it('an opened package, before its first build', async () => {
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
    await openFolder(page, root)
    await page.getByRole('heading', { name: 'app', exact: true }).waitFor()
    await expect
      .poll(() => page.getByRole('list', { name: 'Crates' }).getByText('src/main.rs').count())
      .toBe(1)
    await expectAccessibleInBothSchemes('the project overview')
  })

  it('the trust question', async () => {
    await page.getByRole('button', { name: 'Build', exact: true }).click()
    const ask = page.getByRole('dialog', { name: 'Trust this folder?' })
    await ask.waitFor()
    await expectAccessibleInBothSchemes('the trust dialog', DIALOG)
  })

  it('the build output and its diagnostics', async () => {
    await page
      .getByRole('dialog', { name: 'Trust this folder?' })
      .getByRole('button', { name: 'Trust and build' })
      .click()
    await expect.poll(() => status().textContent(), { timeout: 120_000 }).toBe('Build succeeded')
    const diagnostics = page.getByRole('list', { name: 'Diagnostics' })
    await expect.poll(() => diagnostics.getByRole('listitem').count()).toBeGreaterThan(0)
    await expectAccessibleInBothSchemes('the build console')
  })

  it('the timeline with a unit’s details', async () => {
    await page.getByRole('tab', { name: 'Timeline', exact: true }).click()
    const timeline = page.getByRole('listbox', { name: 'Build timeline' })
    await expect.poll(() => timeline.getByRole('option').count()).toBe(3)
    await timeline.getByRole('option', { name: /^mid v0\.1\.0/ }).click()
    await page.getByRole('complementary', { name: 'Details of mid v0.1.0 (lib mid)' }).waitFor()
    await expectAccessibleInBothSchemes('the build timeline')
  })

  it('a program’s output in every ANSI colour', async () => {
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await expect.poll(() => status().textContent(), { timeout: 120_000 }).toBe('Run finished')
    await page.getByRole('tab', { name: 'Output', exact: true }).click()
    const log = page.getByRole('log', { name: 'Build output' })
    await expect.poll(() => log.textContent()).toContain('colour 97')
    expect(await log.locator('.ansi-bright-white-fg').count()).toBe(1)
    await expectAccessibleInBothSchemes('the coloured program output')
  })

  it('the test results, with a failed test’s output', async () => {
    await page.getByRole('button', { name: 'Test', exact: true }).click()
    await expect.poll(() => status().textContent(), { timeout: 120_000 }).toBe('Tests failed')
    const tree = page.getByRole('tree', { name: 'Test results' })
    const failed = tree.getByRole('treeitem', { name: 'adds_wrongly, failed', exact: true })
    await failed.click()
    await page.getByRole('region', { name: 'Output', exact: true }).waitFor()
    await expectAccessibleInBothSchemes('the test results')
  })

  it('a failed build, with its error in the diagnostics and the timeline', async () => {
    await writeFile(join(root, 'src', 'main.rs'), 'fn main() {\n    let n: u32 = "x";\n}\n')
    await page.getByRole('button', { name: 'Build', exact: true }).click()
    await expect.poll(() => status().textContent(), { timeout: 120_000 }).toMatch(/^Build failed/)
    const diagnostics = page.getByRole('list', { name: 'Diagnostics' })
    await expect.poll(() => diagnostics.getByRole('listitem').filter({ hasText: 'E0308' }).count()).toBe(1)
    await expectAccessibleInBothSchemes('the failed build’s output')
    await page.getByRole('tab', { name: 'Timeline', exact: true }).click()
    const timeline = page.getByRole('listbox', { name: 'Build timeline' })
    await timeline.getByRole('option', { name: /^app v0\.1\.0 \(bin app\), failed/ }).click()
    await page.getByRole('complementary', { name: 'Details of app v0.1.0 (bin app)' }).waitFor()
    await expectAccessibleInBothSchemes('the failed build’s timeline')
  })

  it('the manifest editor: forms, raw text and the console drawer', async () => {
    await page.getByRole('tab', { name: 'Manifest', exact: true }).click()
    await expect.poll(() => page.getByLabel('Version', { exact: true }).inputValue()).toBe('0.1.0')
    await page.getByRole('button', { name: 'Build console' }).click()
    await expectAccessibleInBothSchemes('the manifest editor')
  })

  it('the save review', async () => {
    const description = page.getByLabel('Description', { exact: true })
    await description.fill('Checked by axe.')
    await description.blur()
    await page.getByRole('toolbar', { name: 'Manifest editor' }).getByRole('button', { name: 'Save' }).click()
    const review = page.getByRole('dialog', { name: 'Review changes' })
    await review.waitFor()
    await expectAccessibleInBothSchemes('the save review', DIALOG)
  })

  it('the new-dependency form, and the raw text with a syntax error', async () => {
    await page.getByRole('dialog', { name: 'Review changes' }).getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('button', { name: 'Add dependency' }).click()
    await page.getByRole('form', { name: 'New dependency' }).waitFor()
    const raw = page.getByLabel('Raw TOML', { exact: true })
    await raw.fill(`${await raw.inputValue()}\n[broken\n`)
    await page
      .getByRole('alert')
      .filter({ hasText: /^Line \d+, column \d+:/ })
      .waitFor()
    await expectAccessibleInBothSchemes('the new-dependency form and a syntax error')
  })

  it('the question before leaving unsaved edits', async () => {
    await page.getByRole('tab', { name: 'Dependencies', exact: true }).click()
    const ask = page.getByRole('dialog', { name: 'Discard unsaved changes?' })
    await ask.waitFor()
    await expectAccessibleInBothSchemes('the leave dialog', DIALOG)
  })

  it('the dependency tree of a small package', async () => {
    await page
      .getByRole('dialog', { name: 'Discard unsaved changes?' })
      .getByRole('button', { name: 'Discard changes' })
      .click()
    const tree = page.getByRole('tree', { name: 'Dependency tree' })
    const mid = tree.getByRole('treeitem', { name: /^mid v0\.1\.0 / })
    await mid.waitFor({ timeout: 60_000 })
    await mid.click()
    await page.getByRole('complementary', { name: /^Details of mid 0\.1\.0/ }).waitFor()
    await expectAccessibleInBothSchemes('the dependency tree')
  })

  it('the start page with recent projects', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Crate Studio' }).click()
    const recent = page.getByRole('list', { name: 'Recent projects' })
    await expect.poll(() => recent.getByRole('button', { name: 'app', exact: true }).count()).toBe(1)
    await expectAccessibleInBothSchemes('the start page with recent projects')
  })

  it('the manifest forms of a package with every kind of dependency', async () => {
    await openFolder(page, mixed)
    await page.getByRole('heading', { name: 'app', exact: true }).waitFor()
    await page.getByRole('tab', { name: 'Manifest', exact: true }).click()
    const serde = page.getByRole('button', { name: /^Edit serde/ })
    await serde.click()
    await expect.poll(() => serde.getAttribute('aria-expanded')).toBe('true')
    await expectAccessibleInBothSchemes('the dependency forms')
  })

  it('the dependency tree with registry, git and path sources', async () => {
    await page.getByRole('tab', { name: 'Dependencies', exact: true }).click()
    const tree = page.getByRole('tree', { name: 'Dependency tree' })
    const serde = tree.getByRole('treeitem', { name: /^serde v1\.0\.152 / })
    await serde.waitFor({ timeout: 60_000 })
    await serde.click()
    await page.getByRole('complementary', { name: /^Details of serde 1\.0\.152/ }).waitFor()
    await expectAccessibleInBothSchemes('the dependency tree with every source')
  })

  it('why a package is here', async () => {
    await page
      .getByRole('complementary', { name: /^Details of serde 1\.0\.152/ })
      .getByRole('button', { name: 'Why is it here?' })
      .click()
    const why = page.getByRole('tree', { name: 'Packages that depend on serde 1.0.152' })
    await expect.poll(() => why.getByRole('treeitem').count()).toBeGreaterThan(0)
    await expectAccessibleInBothSchemes('the inverted tree')
  })

  it('the duplicates', async () => {
    await page.getByRole('tab', { name: /^Duplicates/ }).click()
    await page.getByRole('region', { name: 'log, 2 versions' }).waitFor()
    await expectAccessibleInBothSchemes('the duplicates')
  })

  it('a workspace: its members and shared crates', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Crate Studio' }).click()
    await openFolder(page, await offlineWorkspace('virtual', 'shapes'))
    const members = page.getByRole('table', { name: 'Workspace members' })
    await members.getByRole('button', { name: 'core-shapes', exact: true }).waitFor()
    await expect
      .poll(() => page.getByRole('table', { name: 'Crates several members use' }).getByText('itoa').count())
      .toBe(1)
    await expectAccessibleInBothSchemes('the workspace tab')
  })

  it('the promotion preview', async () => {
    await page.getByRole('button', { name: 'Promote itoa to a workspace dependency' }).click()
    const dialog = page.getByRole('dialog', { name: 'Promote itoa to a workspace dependency' })
    await dialog.getByRole('table', { name: 'Changes to Cargo.toml' }).waitFor()
    await expectAccessibleInBothSchemes('the promotion preview', DIALOG)
  })

  it('a 2014-format manifest and its modernisation', async () => {
    await page.keyboard.press('Escape')
    await page.getByRole('navigation').getByRole('button', { name: 'Crate Studio' }).click()
    await openFolder(page, join(await copyFixtureForFile('legacy-2014'), 'color-tool'))
    await page.getByRole('heading', { name: 'color-tool' }).waitFor()
    await page.getByRole('tab', { name: 'Manifest', exact: true }).click()
    await page.getByRole('button', { name: 'Modernise' }).click()
    await page.getByRole('dialog', { name: 'Modernise Cargo.toml' }).waitFor()
    await expectAccessibleInBothSchemes('the modernisation preview', DIALOG)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    await expectAccessibleInBothSchemes('the 2014-format manifest')
  })

  it('the settings page, with a value it refuses, and a pinned dark theme', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor()
    await page.getByLabel('Parallel jobs').fill('0')
    await page.getByText('Enter a whole number from 1 to 256').waitFor()
    await expectAccessibleInBothSchemes('the settings page')
    await page.getByLabel('Parallel jobs').fill('')
    // The theme setting pins color-scheme whatever the OS says: check that palette too.
    await page.getByLabel('Dark').check()
    await page.getByRole('button', { name: 'Save Settings' }).click()
    await expect
      .poll(() => page.evaluate<string | undefined>('document.documentElement.dataset.theme'))
      .toBe('dark')
    const failing = seriousViolations(await axeViolations(page))
    expect(failing, formatViolations(failing)).toEqual([])
    await page.getByLabel('Same as the system').check()
    await page.getByRole('button', { name: 'Save Settings' }).click()
    await expect
      .poll(() => page.evaluate<string | undefined>('document.documentElement.dataset.theme'))
      .toBe(undefined)
  })

  it('the About dialog', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'About' }).click()
    await page.getByRole('dialog', { name: 'About Crate Studio' }).waitFor()
    await expectAccessibleInBothSchemes('the About dialog', DIALOG)
    await page.keyboard.press('Escape')
  })

  it('logged no errors in the page', () => {
    expect(errors).toEqual([])
  })
})

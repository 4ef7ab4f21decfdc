/**
 * The git panel in browser mode, as a person uses it: a package whose git dependency's branch
 * gained a commit since Cargo.lock was written shows "1 newer commit"; Update moves the lock and
 * the row becomes up to date; Pin shows the Cargo.toml diff, and Save writes `rev`. A second
 * dependency is served over git:// by a proxy that can stop answering, to see a fetch's
 * progress and cancel it.
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { createServer, type Server, type Socket } from 'node:net'
import { join } from 'node:path'
import { execa } from 'execa'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  launchChromium,
  openPage,
  screenshot,
  startWebApp,
  type WebApp,
  openFolder
} from '../helpers/browser-mode'
import { CLI, offlinePackage, requireCargoAndRegistry } from '../helpers/cargo-offline'
import { gitRepo, manifest, type FixtureRepo } from '../helpers/git-repo'
import { fileTempDir } from '../helpers/temp-dir'

let app: WebApp
let browser: Browser
let page: Page
let errors: string[]
let upstream: FixtureRepo
let dir: string
let lockedCommit: string
let newCommit: string
let proxy: Server
let silent = false
const held = new Set<Socket>()
/** git daemons serving a connection right now: the panel is still talking to git:// while > 0. */
let serving = 0

const panel = (): Locator => page.getByRole('region', { name: /^Git dependencies/ })
const row = (name = 'gitdep'): Locator => panel().getByRole('listitem', { name })
const manifestText = () => readFile(join(dir, 'Cargo.toml'), 'utf8')
const lockText = () => readFile(join(dir, 'Cargo.lock'), 'utf8')

/**
 * git:// on 127.0.0.1: each connection goes to `git daemon --inetd` serving `root`, until
 * `silent` is set; from then on connections are accepted and never answered.
 */
async function gitProxy(root: string): Promise<string> {
  proxy = createServer((socket) => {
    if (silent) {
      held.add(socket)
      socket.on('close', () => held.delete(socket))
      return
    }
    const daemon = spawn('git', ['daemon', '--inetd', `--base-path=${root}`, '--export-all'], {
      stdio: ['pipe', 'pipe', 'ignore']
    })
    serving++
    daemon.on('exit', () => serving--)
    socket.pipe(daemon.stdin)
    daemon.stdout.pipe(socket)
    socket.on('error', () => daemon.kill())
    daemon.on('exit', () => socket.end())
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const address = proxy.address()
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port')
  return `git://127.0.0.1:${address.port}`
}

beforeAll(async () => {
  await requireCargoAndRegistry(['anyhow'])
  const root = await fileTempDir('cs-e2e-git-')
  const cacheDir = join(root, 'cache')
  upstream = await gitRepo('gitdep', root)
  lockedCommit = await upstream.commit({ 'Cargo.toml': manifest('gitdep'), 'src/lib.rs': '' })
  const remote = await gitRepo('remote', root)
  await remote.commit({ 'Cargo.toml': manifest('remote'), 'src/lib.rs': '' })
  const remoteUrl = `${await gitProxy(root)}/remote.git`
  dir = await offlinePackage(
    join(root, 'app'),
    [
      '[package]',
      'name = "app"',
      'version = "0.1.0"',
      'edition = "2021"',
      '',
      '[dependencies]',
      'anyhow = "1"',
      `gitdep = { git = "${upstream.url}", branch = "main" }`,
      `remote = { git = "${remoteUrl}" }`,
      ''
    ].join('\n')
  )
  // Locked at the first commit, then the branch moves on upstream.
  await execa(CLI, ['generate-lockfile'], {
    cwd: dir,
    env: { NO_COLOR: '1', CRATE_STUDIO_CACHE_DIR: cacheDir }
  })
  newCommit = await upstream.commit({ 'src/lib.rs': 'pub fn newer() {}\n' }, 'newer')

  app = await startWebApp(await fileTempDir('cs-e2e-config-'), { CRATE_STUDIO_CACHE_DIR: cacheDir })
  browser = await launchChromium()
  ;({ page, errors } = await openPage(browser, app.url))
  await openFolder(page, dir)
  await page.getByRole('heading', { name: 'app', exact: true }).waitFor()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
  for (const socket of held) socket.destroy()
  await new Promise((resolve) => proxy?.close(resolve))
})

describe('browser mode: the git panel', () => {
  it('shows the locked commit and one newer commit upstream', async () => {
    await page.getByRole('tab', { name: 'Dependencies', exact: true }).click()
    await row().waitFor({ timeout: 60_000 })
    await expect.poll(() => row().getByText('1 newer commit').count(), { timeout: 60_000 }).toBe(1)
    await expect.poll(() => row().getByText(lockedCommit.slice(0, 8)).count()).toBe(1)
    await expect.poll(() => row().getByText('branch main').count()).toBe(1)
    await expect.poll(() => row().getByText(upstream.url).count()).toBe(1)
    await expect.poll(() => row('remote').getByText('Up to date').count(), { timeout: 60_000 }).toBe(1)
    await expect.poll(() => row('remote').getByText('default branch').count()).toBe(1)
    await screenshot(page, '30-git-panel-newer-commit')
  })

  it('updates the lock to the newest commit of the branch', async () => {
    await row().getByRole('button', { name: 'Update', exact: true }).click()
    await expect.poll(() => row().getByText('Up to date').count(), { timeout: 60_000 }).toBe(1)
    await expect
      .poll(() =>
        row()
          .getByText(`Updated from ${lockedCommit.slice(0, 8)} to ${newCommit.slice(0, 8)}.`)
          .count()
      )
      .toBe(1)
    expect(await lockText()).toContain(`?branch=main#${newCommit}`)
    expect(await manifestText()).toContain('branch = "main"')
    await screenshot(page, '31-git-panel-updated')
  })

  it('pins the dependency to the locked commit after showing the diff', async () => {
    const before = await manifestText()
    await row().getByRole('button', { name: 'Pin to this commit' }).click()
    const dialog = page.getByRole('dialog', { name: `Pin gitdep to ${newCommit.slice(0, 8)}` })
    await dialog.waitFor()
    const diff = dialog.getByRole('table', { name: 'Changes to Cargo.toml' })
    await expect.poll(() => diff.getByText(`rev = "${newCommit}"`).count()).toBe(1)
    expect(await manifestText()).toBe(before) // nothing written before Save
    await screenshot(page, '32-git-pin-diff')

    await dialog.getByRole('button', { name: 'Save Cargo.toml' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(await manifestText()).toBe(before.replace('branch = "main"', `rev = "${newCommit}"`))
    await expect
      .poll(
        () =>
          row()
            .getByText(`rev ${newCommit.slice(0, 8)}`)
            .count(),
        { timeout: 60_000 }
      )
      .toBe(1)
    await expect.poll(() => row().getByText('Pinned').count()).toBe(1)
    await expect.poll(() => row().getByRole('button', { name: 'Pin to this commit' }).count()).toBe(0)
    await expect.poll(lockText, { timeout: 30_000 }).toContain(`?rev=${newCommit}#${newCommit}`)
    await screenshot(page, '33-git-panel-pinned')
  })

  it('shows what a fetch is doing and cancels it', async () => {
    // The pin's own refresh (list and upstream check) must finish before git:// goes silent.
    const check = panel().getByRole('button', { name: 'Check for newer commits' })
    await expect.poll(() => check.isEnabled(), { timeout: 60_000 }).toBe(true)
    await expect.poll(() => row('remote').getByText('Up to date').count(), { timeout: 60_000 }).toBe(1)
    await expect.poll(() => serving, { timeout: 60_000 }).toBe(0)
    silent = true
    await check.click()
    const progress = panel().getByRole('status').filter({ hasText: 'Fetching git repository git://' })
    await progress.waitFor({ timeout: 60_000 })
    await screenshot(page, '34-git-panel-fetching')
    await progress.getByRole('button', { name: 'Cancel' }).click()
    await panel().getByText('Looking for newer commits was cancelled.').waitFor({ timeout: 30_000 })
    await expect.poll(() => progress.count()).toBe(0)
    silent = false
  })

  it('logged no errors in the page', () => {
    expect(errors).toEqual([])
  })
})

/**
 * The toolchain as a person sees it in browser mode: the status bar (rustc, host, sysroot, and an
 * open project's pinned toolchain with a warning when it is not installed), and the "Rust
 * toolchain not found" page, whose "Check again" finds a rustc installed meanwhile.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  launchChromium,
  openFolder,
  openPage,
  screenshot,
  startWebApp,
  type WebApp
} from '../helpers/browser-mode'
import { fileTempDir } from '../helpers/temp-dir'

let browser: Browser
const apps: WebApp[] = []

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  for (const app of apps) await app.stop()
})

describe('the toolchain in the window', () => {
  it('shows rustc, host and sysroot in the status bar, and warns about a pin that is not installed', async () => {
    const app = await startWebApp(await fileTempDir('cs-e2e-config-'))
    apps.push(app)
    const { page, errors } = await openPage(browser, app.url)
    const sysroot = (await execa('rustc', ['--print', 'sysroot'])).stdout.trim()
    const bar = page.getByRole('contentinfo', { name: 'Rust toolchain' })
    await expect.poll(() => bar.getByText(/^rustc \d+\.\d+\.\d+/).count()).toBe(1)
    await expect.poll(() => bar.getByText(/-linux-|-darwin|-windows-/).count()).toBeGreaterThan(0)
    expect(await bar.locator(`[title="${sysroot}"]`).count()).toBe(1)

    const dir = join(await fileTempDir('cs-e2e-pin-'), 'pinned')
    await mkdir(join(dir, 'src'), { recursive: true })
    await writeFile(
      join(dir, 'Cargo.toml'),
      '[package]\nname = "pinned"\nversion = "0.1.0"\nedition = "2021"\n'
    )
    await writeFile(join(dir, 'src', 'main.rs'), 'fn main() {}\n')
    await writeFile(join(dir, 'rust-toolchain.toml'), '[toolchain]\nchannel = "1.2.3"\n')
    await openFolder(page, dir)
    await page.getByRole('heading', { name: 'pinned' }).waitFor()
    await expect.poll(() => bar.getByText('1.2.3 not installed').count()).toBe(1)
    expect(await bar.getByText('Run: rustup toolchain install 1.2.3', { exact: false }).count()).toBe(1)
    await screenshot(page, 'toolchain-status-bar-pin')
    expect(errors).toEqual([])
  })

  it('explains how to install Rust when there is none, and finds it after "Check again"', async () => {
    const cargoHome = await fileTempDir('cs-e2e-cargo-home-')
    const app = await startWebApp(await fileTempDir('cs-e2e-config-'), {
      PATH: '/usr/bin:/bin',
      CARGO_HOME: cargoHome,
      RUSTC: ''
    })
    apps.push(app)
    const { page, errors } = await openPage(browser, app.url)
    const missing = page.getByRole('region', { name: 'Rust toolchain not found' })
    await missing.waitFor()
    expect(await missing.getByText('https://sh.rustup.rs', { exact: false }).count()).toBe(1)
    expect(await missing.getByText('open a new terminal', { exact: false }).count()).toBe(1)
    expect(await page.getByRole('button', { name: 'New Package' }).count()).toBe(1)
    await screenshot(page, 'toolchain-missing')

    // The person installs Rust; rustc appears in ~/.cargo/bin, and Check again finds it.
    const sysroot = (await execa('rustc', ['--print', 'sysroot'])).stdout.trim()
    await mkdir(join(cargoHome, 'bin'))
    await symlink(join(sysroot, 'bin', 'rustc'), join(cargoHome, 'bin', 'rustc'))
    await missing.getByRole('button', { name: 'Check again' }).click()
    await expect.poll(() => missing.count()).toBe(0)
    const bar = page.getByRole('contentinfo', { name: 'Rust toolchain' })
    await expect.poll(() => bar.getByText(/^rustc \d+\.\d+\.\d+/).count()).toBe(1)
    expect(await page.getByText('(found in ~/.cargo/bin)').count()).toBe(1)
    expect(errors).toEqual([])
  })
})

/**
 * Browser mode for E2E tests: the real `crate-studio web` (built CLI, real engine, real rustc)
 * and Debian's Chromium driven by playwright-core. Electron is never involved.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

const ROOT = join(import.meta.dirname, '..', '..')
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots')

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

export interface WebApp {
  readonly url: string
  readonly server: ChildProcess
  stop(): Promise<void>
}

/** Starts `crate-studio web` with its own config directory and waits for the URL it prints. */
export async function startWebApp(
  configDir: string,
  env: Readonly<Record<string, string>> = {},
  args: readonly string[] = []
): Promise<WebApp> {
  const server = spawn(process.execPath, [join(ROOT, 'bin', 'crate-studio'), 'web', ...args], {
    env: { ...process.env, ...env, CRATE_STUDIO_CONFIG_DIR: configDir, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`crate-studio web printed no URL:\n${output}`)), 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve(m[0])
      }
    }
    server.stdout.on('data', onData)
    server.stderr.on('data', onData)
    server.on('exit', (code) => reject(new Error(`crate-studio web exited with ${code}:\n${output}`)))
  })
  return {
    url,
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve()
        server.once('exit', () => resolve())
        server.kill('SIGTERM')
      })
  }
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS
  })
}

/** A page that fails the test on any uncaught error or console error in the app. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`)
  })
  await page.goto(url)
  return { page, errors }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false })
}

/** Opens `path` through the start page's folder browser (browser mode has no native picker). */
export async function openFolder(page: Page, path: string): Promise<void> {
  await page.getByRole('button', { name: 'Open Folder' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Path').fill(path)
  await dialog.getByRole('button', { name: 'Go', exact: true }).click()
  await dialog.getByRole('button', { name: 'Open', exact: true }).click()
}

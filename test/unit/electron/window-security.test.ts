import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { fileTempDir } from '../../helpers/temp-dir'

vi.mock('electron', async () => (await import('./electron-mock')).electronModule)

const mock = await import('./electron-mock')
const { createMainWindow } = await import('../../../src/main/window')
const { DEFAULT_WINDOW_STATE } = await import('../../../src/main/window-state')
const { setupSecurity, isAllowedExternal } = await import('../../../src/main/security')
const { setupMenu } = await import('../../../src/main/menu')
const { registerAppScheme, serveRenderer, DESKTOP_CSP, APP_ORIGIN } =
  await import('../../../src/main/app-protocol')

describe('the app window', () => {
  it('is sandboxed, isolated, without Node, and loads the app:// origin', () => {
    createMainWindow(undefined, DEFAULT_WINDOW_STATE)
    const { options, url } = mock.created.at(-1)!
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false
    })
    expect(String((options.webPreferences as { preload: string }).preload)).toMatch(/preload[/\\]index\.cjs$/)
    expect(url).toBe('app://crate-studio/index.html')
  })

  it('opens at the remembered size and place, maximized when it was', () => {
    const state = { bounds: { x: 40, y: 30, width: 1000, height: 700 }, maximized: true }
    const win = createMainWindow(undefined, state) as unknown as InstanceType<typeof mock.FakeBrowserWindow>
    expect(mock.created.at(-1)!.options).toMatchObject({ x: 40, y: 30, width: 1000, height: 700 })
    win.emit('ready-to-show')
    expect(win.maximize).toHaveBeenCalled()
  })

  it.each([
    [0, false],
    [1, true]
  ])('asks before closing over unsaved edits (button %i lets it close: %s)', (button, closes) => {
    const win = createMainWindow(undefined, DEFAULT_WINDOW_STATE) as unknown as InstanceType<
      typeof mock.FakeBrowserWindow
    >
    mock.dialog.showMessageBoxSync.mockReturnValueOnce(button)
    const event = { preventDefault: vi.fn() }
    win.webContents.emit('will-prevent-unload', event)
    const [, options] = mock.dialog.showMessageBoxSync.mock.lastCall!
    expect(options.buttons).toEqual(['Keep Editing', 'Discard and Close'])
    expect(event.preventDefault).toHaveBeenCalledTimes(closes ? 1 : 0)
  })
})

describe('app-wide security handlers', () => {
  setupSecurity([APP_ORIGIN])
  const contents = new mock.FakeWebContents()
  mock.app.emit('web-contents-created', {}, contents)

  it.each([
    ['https://evil.example/', true],
    ['file:///etc/passwd', true],
    ['app://other-host/index.html', true],
    ['app://crate-studio/index.html', false]
  ])('navigation to %s is prevented: %s', (url, prevented) => {
    const event = { preventDefault: vi.fn() }
    contents.emit('will-navigate', event, url)
    expect(event.preventDefault).toHaveBeenCalledTimes(prevented ? 1 : 0)
  })

  it('denies every window.open, opening only allowlisted https links in the browser', () => {
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(mock.shell.openExternal).not.toHaveBeenCalled()
    expect(contents.windowOpenHandler!({ url: 'https://rustup.rs/' })).toEqual({ action: 'deny' })
    expect(mock.shell.openExternal).toHaveBeenCalledWith('https://rustup.rs/')
    expect(isAllowedExternal('http://rustup.rs/')).toBe(false)
    expect(isAllowedExternal('https://rustup.rs.evil.example/')).toBe(false)
  })

  it('refuses webviews and every permission but notifications and writing the clipboard', async () => {
    const event = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', event)
    expect(event.preventDefault).toHaveBeenCalled()
    await new Promise((r) => setTimeout(r, 0))
    const answers: boolean[] = []
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write'])
      mock.permission.request!({}, p, (ok) => answers.push(ok))
    expect(answers).toEqual([false, false, true, false, true])
    expect(mock.permission.check!({}, 'media')).toBe(false)
    expect(mock.permission.check!({}, 'notifications')).toBe(true)
  })
})

describe('the app menu', () => {
  it('has New Package, Open Folder, Save, Build, Run, Test and Cancel with their shortcuts, forwarded as commands', () => {
    const sent: string[] = []
    setupMenu((c) => sent.push(c))
    type Item = { label?: string; accelerator?: string; click?: () => void; submenu?: Item[] }
    const items = (mock.menu.template as Item[]).flatMap((m) => m.submenu ?? []).filter((i) => i.accelerator)
    expect(items.map((i) => [i.label, i.accelerator])).toEqual([
      ['New Package…', 'CmdOrCtrl+N'],
      ['Open Folder…', 'CmdOrCtrl+O'],
      ['Save Cargo.toml…', 'CmdOrCtrl+S'],
      [process.platform === 'darwin' ? 'Settings…' : 'Settings', 'CmdOrCtrl+,'],
      ['Build', 'CmdOrCtrl+B'],
      ['Run', 'CmdOrCtrl+R'],
      ['Test', 'CmdOrCtrl+U'],
      ['Cancel', 'CmdOrCtrl+.']
    ])
    items.forEach((i) => i.click!())
    expect(sent).toEqual(['new-package', 'open-folder', 'save', 'settings', 'build', 'run', 'test', 'cancel'])
    const about = (mock.menu.template as Item[])
      .flatMap((m) => m.submenu ?? [])
      .find((i) => i.label === 'About Crate Studio')
    about!.click!()
    expect(sent.at(-1)).toBe('about')
  })
})

describe('the app:// protocol', () => {
  it('serves the renderer with a CSP that allows no eval, and nothing outside it', async () => {
    const dir = await fileTempDir()
    await mkdir(join(dir, 'renderer', 'assets'), { recursive: true })
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html>')
    await writeFile(join(dir, 'renderer', 'assets', 'a.js'), 'export {}')
    await writeFile(join(dir, 'secret.txt'), 'secret')
    await symlink(join(dir, 'secret.txt'), join(dir, 'renderer', 'escape.txt'))
    registerAppScheme()
    serveRenderer(join(dir, 'renderer'))
    const handle = mock.protocol.handlers.get('app')!
    const index = await handle(new Request('app://crate-studio/index.html'))
    expect(index.status).toBe(200)
    expect(index.headers.get('content-security-policy')).toBe(DESKTOP_CSP)
    expect(DESKTOP_CSP).not.toMatch(/unsafe-eval/)
    expect((await handle(new Request('app://crate-studio/assets/a.js'))).headers.get('content-type')).toMatch(
      /javascript/
    )
    for (const url of [
      'app://crate-studio/../secret.txt',
      'app://crate-studio/%2e%2e/secret.txt',
      // URL parsing keeps encoded slashes, so only the handler's own checks stop these.
      'app://crate-studio/..%2fsecret.txt',
      'app://crate-studio/assets/..%2f..%2fsecret.txt',
      'app://crate-studio/escape.txt',
      'app://other/index.html'
    ]) {
      const r = await handle(new Request(url))
      expect(r.status, url).toBe(404)
    }
  })
})

/**
 * A stand-in for the `electron` module: the app's Electron code runs against it in Node, so the
 * window's settings and the security handlers can be asserted without the Electron binary.
 */
import { vi } from 'vitest'

type Handler = (...args: unknown[]) => unknown

export class FakeEmitter {
  readonly handlers = new Map<string, Handler[]>()
  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler])
    return this
  }
  once(event: string, handler: Handler): this {
    return this.on(event, handler)
  }
  emit(event: string, ...args: unknown[]): void {
    for (const h of this.handlers.get(event) ?? []) h(...args)
  }
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
}

export const created: { options: Record<string, unknown>; url?: string }[] = []

export class FakeBrowserWindow extends FakeEmitter {
  readonly webContents = new FakeWebContents()
  readonly record: { options: Record<string, unknown>; url?: string }
  constructor(options: Record<string, unknown>) {
    super()
    this.record = { options }
    created.push(this.record)
  }
  loadURL(url: string): Promise<void> {
    this.record.url = url
    return Promise.resolve()
  }
  show(): void {}
  readonly maximize = vi.fn()
}

export const app = Object.assign(new FakeEmitter(), {
  isPackaged: false,
  whenReady: () => Promise.resolve(),
  getVersion: () => '0.1.0'
})

export const permission = {
  request: undefined as undefined | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
  check: undefined as undefined | ((wc: unknown, permission: string) => boolean)
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (h: typeof permission.request) => void (permission.request = h),
    setPermissionCheckHandler: (h: typeof permission.check) => void (permission.check = h)
  }
}

export const shell = {
  openExternal: vi.fn(() => Promise.resolve()),
  openPath: vi.fn(() => Promise.resolve('')),
  showItemInFolder: vi.fn()
}

/** The button a message box answers with (index into its buttons). */
export const dialog = {
  showMessageBoxSync: vi.fn((_win: unknown, _options: { buttons: string[] }) => 0),
  showMessageBox: vi.fn((..._args: unknown[]) => Promise.resolve({ response: 1 }))
}

export const nativeTheme = { themeSource: 'system' }

export const menu: { template?: unknown[] } = {}
export const Menu = {
  buildFromTemplate: (template: unknown[]) => {
    menu.template = template
    return template
  },
  setApplicationMenu: () => {}
}

export const protocol = {
  schemes: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    this.schemes.push(...schemes)
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    this.handlers.set(scheme, handler)
  }
}

export const electronModule = {
  app,
  session,
  shell,
  dialog,
  nativeTheme,
  Menu,
  protocol,
  BrowserWindow: FakeBrowserWindow
}

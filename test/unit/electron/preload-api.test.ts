/**
 * A snapshot of what the preload exposes to the page: one `api` object of plain functions (one
 * per contract channel and push event), a `desktop` object with the dropped-file path reader,
 * and nothing of Electron’s own (no ipcRenderer, no event
 * objects with their `sender`). A new function crossing the bridge changes the snapshot.
 */
import { describe, expect, it, vi } from 'vitest'

const exposed = new Map<string, unknown>()
const listeners = new Map<string, ((event: unknown, payload: unknown) => void)[]>()
const ipcRenderer = {
  invoke: vi.fn((channel: string, input: unknown) =>
    Promise.resolve({ ok: true, value: { channel, input } })
  ),
  on: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => void) => {
    listeners.set(channel, [...(listeners.get(channel) ?? []), listener])
  }),
  removeListener: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => void) => {
    listeners.set(
      channel,
      (listeners.get(channel) ?? []).filter((l) => l !== listener)
    )
  }),
  send: vi.fn(),
  sendSync: vi.fn()
}

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void exposed.set(key, value) },
  ipcRenderer,
  webUtils: { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` }
}))

await import('../../../src/preload/index')

describe('the preload API', () => {
  it('exposes `api`, of plain functions, and `desktop` with only the dropped-file path reader', () => {
    expect([...exposed.keys()]).toEqual(['api', 'desktop'])
    const desktop = exposed.get('desktop') as Record<string, (f: { name: string }) => string>
    expect(Object.keys(desktop)).toEqual(['pathForFile'])
    expect(desktop.pathForFile!({ name: 'Cargo.toml' })).toBe('/dropped/Cargo.toml')
    const api = exposed.get('api') as Record<string, unknown>
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype)
    for (const [name, value] of Object.entries(api)) {
      expect(typeof value, name).toBe('function')
      expect(value, name).not.toBe(ipcRenderer)
    }
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "analyzeManifest",
        "applyPromotion",
        "cancelDependencyGraph",
        "cancelGitDependencies",
        "cancelOperation",
        "checkGitUpstream",
        "closeManifest",
        "createPackage",
        "dependencyGraph",
        "editManifest",
        "folderTrust",
        "forgetRecentProject",
        "forgetTrustedFolder",
        "getAppInfo",
        "getNewPackageDefaults",
        "getSettings",
        "getToolchain",
        "gitDependencies",
        "listDirectory",
        "listRecentProjects",
        "listTrustedFolders",
        "onDependencyProgress",
        "onGitDependencyProgress",
        "onManifestChanged",
        "onMenuCommand",
        "onOpenRequested",
        "onOperationEvents",
        "openInEditor",
        "openManifest",
        "openProject",
        "pickFolder",
        "previewGitPin",
        "previewNewPackage",
        "previewPromotion",
        "revealInFolder",
        "saveManifest",
        "setFolderTrust",
        "startBuild",
        "startRun",
        "startTest",
        "takeOpenRequests",
        "trustFolder",
        "updateGitDependency",
        "updateSettings",
        "workspaceDependencies",
      ]
    `)
  })

  it('invokes through its namespaced channel and hands back only the result', async () => {
    const api = exposed.get('api') as Record<string, (input?: unknown) => Promise<unknown>>
    const result = await api.openProject!({ path: '/p' })
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(expect.stringMatching(/openProject$/), { path: '/p' })
    expect(result).toEqual({
      ok: true,
      value: { channel: expect.stringMatching(/openProject$/) as string, input: { path: '/p' } }
    })
    expect(ipcRenderer.send).not.toHaveBeenCalled()
    expect(ipcRenderer.sendSync).not.toHaveBeenCalled()
  })

  it('gives a subscriber the payload alone, never Electron’s event, and unsubscribes', () => {
    const api = exposed.get('api') as Record<string, (listener: (...args: unknown[]) => void) => () => void>
    const got: unknown[][] = []
    const unsubscribe = api.onOperationEvents!((...args) => got.push(args))
    const [channel] = [...listeners.keys()].filter((c) => c.endsWith('operationEvents'))
    const fakeEvent = { sender: { send: () => {} }, ports: [] }
    for (const l of listeners.get(channel!) ?? []) l(fakeEvent, { operationId: 'x', events: [] })
    expect(got).toEqual([[{ operationId: 'x', events: [] }]])
    expect(typeof unsubscribe).toBe('function')
    unsubscribe()
    expect(listeners.get(channel!)).toEqual([])
  })
})

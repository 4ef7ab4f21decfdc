/** The desktop shell's native powers: confirmations default to Cancel, reveal and theme reach Electron. */
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', async () => (await import('./electron-mock')).electronModule)

const mock = await import('./electron-mock')
const { desktopShell } = await import('../../../src/main/desktop-shell')

describe('the desktop shell', () => {
  const shell = desktopShell(() => undefined)

  it('asks natively before trusting a folder or a sensitive setting, Cancel by default', async () => {
    mock.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 }).mockResolvedValueOnce({ response: 1 })
    expect(await shell.confirmTrust(['/home/me/code'])).toBe(true)
    const editorChange = {
      kind: 'editor-command',
      program: '/usr/bin/code',
      args: ['--goto', '{file}']
    } as const
    expect(await shell.confirmSetting(editorChange)).toBe(false)
    mock.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 })
    expect(await shell.confirmSetting({ kind: 'cache-dir', dir: '/srv/cache' })).toBe(true)
    const calls = mock.dialog.showMessageBox.mock.calls.map((c) => c.at(-1)) as Record<string, unknown>[]
    const [trust, editor, cache] = calls
    expect(trust).toMatchObject({ buttons: ['Trust and Continue', 'Cancel'], defaultId: 1, cancelId: 1 })
    expect(editor).toMatchObject({ buttons: ['Use Program', 'Cancel'], defaultId: 1, cancelId: 1 })
    expect(cache).toMatchObject({ buttons: ['Use Folder', 'Cancel'], defaultId: 1, cancelId: 1 })
    // The program and each argument on a line of its own: nothing hides at the end of a long line.
    expect(String(editor!.detail)).toMatch(/^\/usr\/bin\/code\n {4}--goto\n {4}\{file\}\n/)
    expect(String(cache!.message)).toContain('/srv/cache')
  })

  it('reveals with the file manager and gives the theme to native menus and dialogs', async () => {
    await shell.revealPath('/home/me/code/app/Cargo.toml')
    expect(mock.shell.showItemInFolder).toHaveBeenCalledWith('/home/me/code/app/Cargo.toml')
    shell.applyTheme('dark')
    expect(mock.nativeTheme.themeSource).toBe('dark')
  })
})

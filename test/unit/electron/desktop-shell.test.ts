/** The desktop shell's native powers: confirmations default to Cancel, reveal and theme reach Electron. */
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', async () => (await import('./electron-mock')).electronModule)

const mock = await import('./electron-mock')
const { desktopShell } = await import('../../../src/main/desktop-shell')

describe('the desktop shell', () => {
  const shell = desktopShell(() => undefined)

  it('asks natively before trusting a folder or using a new editor command, Cancel by default', async () => {
    mock.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 }).mockResolvedValueOnce({ response: 1 })
    expect(await shell.confirmTrust(['/home/me/code'])).toBe(true)
    expect(await shell.confirmEditorCommand('code --goto {file}')).toBe(false)
    const [trust, editor] = mock.dialog.showMessageBox.mock.calls.map((c) => c.at(-1)) as Record<
      string,
      unknown
    >[]
    expect(trust).toMatchObject({ buttons: ['Trust and Continue', 'Cancel'], defaultId: 1, cancelId: 1 })
    expect(editor).toMatchObject({ buttons: ['Use Command', 'Cancel'], defaultId: 1, cancelId: 1 })
    expect(String(editor!.detail)).toContain('code --goto {file}')
  })

  it('reveals with the file manager and gives the theme to native menus and dialogs', async () => {
    await shell.revealPath('/home/me/code/app/Cargo.toml')
    expect(mock.shell.showItemInFolder).toHaveBeenCalledWith('/home/me/code/app/Cargo.toml')
    shell.applyTheme('dark')
    expect(mock.nativeTheme.themeSource).toBe('dark')
  })
})

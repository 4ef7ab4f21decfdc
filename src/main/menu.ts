/** The native menu: the app's commands with their usual shortcuts, forwarded to the page. */
import { app, Menu, type MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '@shared/models/app'

export function setupMenu(send: (command: MenuCommand) => void): void {
  const item = (label: string, accelerator: string, command: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command)
  })
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('New Package…', 'CmdOrCtrl+N', 'new-package'),
        item('Open Folder…', 'CmdOrCtrl+O', 'open-folder'),
        item('Save Cargo.toml…', 'CmdOrCtrl+S', 'save'),
        { type: 'separator' },
        item(isMac ? 'Settings…' : 'Settings', 'CmdOrCtrl+,', 'settings'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    {
      label: '&Build',
      submenu: [
        item('Build', 'CmdOrCtrl+B', 'build'),
        item('Run', 'CmdOrCtrl+R', 'run'),
        item('Test', 'CmdOrCtrl+U', 'test'),
        { type: 'separator' },
        item('Cancel', 'CmdOrCtrl+.', 'cancel')
      ]
    },
    {
      label: '&View',
      submenu: [
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'About Crate Studio', click: () => send('about') }] }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

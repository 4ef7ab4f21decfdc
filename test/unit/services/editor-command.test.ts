/** The editor command: split without a shell, placeholders filled, the path always one argument; and how reveal is run. */
import { describe, expect, it } from 'vitest'
import { editorArgv } from '../../../src/main/services/editor-command'
import { revealCommand } from '../../../src/main/services/launch-detached'

describe('editor command', () => {
  it('fills file, line and column, keeping a path with spaces and quotes as one argument', () => {
    const file = `/home/me/my crate/src/it's; rm -rf ~.rs`
    expect(editorArgv('code --goto {file}:{line}:{column}', file, 12, 5)).toEqual({
      program: 'code',
      args: ['--goto', `${file}:12:5`]
    })
    expect(editorArgv("'/opt/My Editor/bin/ed' +{line} {file}", file)).toEqual({
      program: '/opt/My Editor/bin/ed',
      args: ['+1', file]
    })
  })

  it('fills placeholders once, so a path that contains one stays as it is', () => {
    expect(editorArgv('ed +{line} {file}', '/p/{line}/{file}.rs', 9).args).toEqual([
      '+9',
      '/p/{line}/{file}.rs'
    ])
  })

  it('refuses a command that does not start with a program', () => {
    expect(() => editorArgv('{file}', '/a.rs')).toThrow(/does not start with a program/)
    expect(() => editorArgv('   ', '/a.rs')).toThrow(/does not start with a program/)
  })
})

describe('reveal command', () => {
  it('selects in Finder and Explorer (never launching an .app), and opens the folder elsewhere', () => {
    expect(revealCommand('/p/Evil.app', true, 'darwin')).toEqual(['open', ['-R', '/p/Evil.app']])
    expect(revealCommand('C:\\p\\Cargo.toml', false, 'win32')).toEqual([
      'explorer.exe',
      ['/select,C:\\p\\Cargo.toml']
    ])
    expect(revealCommand('/p/src/main.rs', false, 'linux')).toEqual(['xdg-open', ['/p/src']])
    expect(revealCommand('/p/src', true, 'linux')).toEqual(['xdg-open', ['/p/src']])
  })
})

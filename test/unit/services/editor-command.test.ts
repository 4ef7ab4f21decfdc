/** The editor command: split without a shell, placeholders filled, the path always one argument. */
import { describe, expect, it } from 'vitest'
import { editorArgv } from '../../../src/main/services/editor-command'

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

  it('refuses a command that does not start with a program', () => {
    expect(() => editorArgv('{file}', '/a.rs')).toThrow(/does not start with a program/)
    expect(() => editorArgv('   ', '/a.rs')).toThrow(/does not start with a program/)
  })
})

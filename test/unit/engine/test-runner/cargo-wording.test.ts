import { describe, expect, it } from 'vitest'
import { displayCommand, exitStatusText, shellEscape } from '../../../../src/main/engine/tools/process-status'
import { harnessLabel, rerunArgs } from '../../../../src/main/engine/test-runner/test-binary'

describe("cargo's wording for a harness", () => {
  it('labels harnesses as `cargo test` does on its "Running" lines', () => {
    const common = { packageRoot: '/p', cwd: '/p' }
    expect(
      harnessLabel({
        ...common,
        kind: 'lib',
        srcPath: '/p/src/lib.rs',
        executable: '/p/target/debug/deps/demo-1a'
      })
    ).toBe('unittests src/lib.rs (target/debug/deps/demo-1a)')
    expect(
      harnessLabel({
        ...common,
        kind: 'test',
        srcPath: '/p/tests/it.rs',
        executable: '/p/target/debug/deps/it-2b'
      })
    ).toBe('tests/it.rs (target/debug/deps/it-2b)')
    expect(
      harnessLabel({
        kind: 'example',
        srcPath: '/p/examples/ex.rs',
        packageRoot: '/p',
        cwd: '/elsewhere',
        executable: '/p/target/debug/examples/ex-3c'
      })
    ).toBe('unittests examples/ex.rs (/p/target/debug/examples/ex-3c)')
  })

  it('names the arguments that rerun one harness', () => {
    expect(rerunArgs({ target: { kind: 'lib', name: 'demo' } })).toBe('--lib')
    expect(rerunArgs({ target: { kind: 'test', name: 'it' } })).toBe('--test it')
    expect(rerunArgs({ target: { kind: 'bin', name: 'demo' }, packageSpec: 'demo' })).toBe(
      '-p demo --bin demo'
    )
    expect(rerunArgs({ target: { kind: 'example', name: 'ex' } })).toBe('--example ex')
  })

  it('words exit statuses as cargo-util does', () => {
    expect(exitStatusText({ exitCode: 3, signal: null })).toBe('exit status: 3')
    expect(exitStatusText({ exitCode: null, signal: 'SIGABRT' })).toBe(
      'signal: 6, SIGABRT: process abort signal'
    )
    expect(exitStatusText({ exitCode: null, signal: 'SIGSEGV' })).toBe(
      'signal: 11, SIGSEGV: invalid memory reference'
    )
    expect(exitStatusText({ exitCode: null, signal: 'SIGUSR1' })).toMatch(/^signal: \d+$/)
  })

  it('escapes arguments like the shell-escape crate (checked against cargo 1.95)', () => {
    expect(shellEscape('--test-threads=1')).toBe('--test-threads=1')
    expect(shellEscape('a b')).toBe("'a b'")
    expect(shellEscape("a'b")).toBe("'a'\\''b'")
    expect(shellEscape('a!b')).toBe("'a'\\!'b'")
    expect(shellEscape('x@y:z')).toBe("'x@y:z'")
    expect(shellEscape('')).toBe("''")
    expect(displayCommand('/p/target/debug/deps/it-1', ['it_exit', 'a b'])).toBe(
      "/p/target/debug/deps/it-1 it_exit 'a b'"
    )
  })
})

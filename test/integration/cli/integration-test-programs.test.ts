/**
 * Integration tests that run the package's own programs, the way `assert_cmd`-style tests do:
 * `test --test cli` builds the bins first (those whose required features are on) and compiles
 * the test with CARGO_BIN_EXE_<name> and CARGO_TARGET_TMPDIR, as cargo does.
 */
import { access } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/cargo-offline'
import { project } from '../../helpers/project'

const CLI_TEST = `#[test]
fn runs_the_program() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tool")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "hello from tool\\n");
    assert!(std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).is_dir());
}
`

describe('integration tests and the package’s programs', () => {
  it('builds the bins before the test, which finds them through env!()', async () => {
    const p = await project('tool')
      .file(
        'Cargo.toml',
        `[package]\nname = "tool"\nversion = "0.1.0"\nedition = "2021"\n\n[features]\nextra = []\n\n[[bin]]\nname = "helper"\nrequired-features = ["extra"]\n`
      )
      .file('src/main.rs', 'fn main() { println!("hello from tool"); }\n')
      .file('src/bin/helper.rs', 'fn main() {}\n')
      .file('tests/cli.rs', CLI_TEST)
      .build()
    const r = await runCli(['test', '--test', 'cli'], p.root)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stdout).toContain('test runs_the_program ... ok')
    await access(p.path('target/debug/tool'))
    await expect(access(p.path('target/debug/helper'))).rejects.toThrow()
  })

  it('compiles a test without a harness for testing too (cfg(test)), and runs it as a program', async () => {
    const p = await project('plain')
      .file(
        'Cargo.toml',
        `[package]\nname = "plain"\nversion = "0.1.0"\nedition = "2021"\n\n[[test]]\nname = "own"\nharness = false\n`
      )
      .file('src/lib.rs', '')
      .file(
        'tests/own.rs',
        'fn main() { assert!(cfg!(test), "not compiled for testing"); println!("own ran"); }\n'
      )
      .build()
    const r = await runCli(['test', '--test', 'own'], p.root)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stdout).toContain('own ran')
  })
})

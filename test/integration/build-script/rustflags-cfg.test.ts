/**
 * A build script sees the target as RUSTFLAGS make it, as under cargo: `--cfg foo` appears as
 * CARGO_CFG_FOO and `-C target-feature=+crt-static` in CARGO_CFG_TARGET_FEATURE.
 */
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { CLI } from '../../helpers/cargo-offline'
import { fileTempDir, tempDir } from '../../helpers/temp-dir'
import { writeFiles } from '../tree/fixtures'

const FILES = {
  'Cargo.toml': '[package]\nname = "cfgt"\nversion = "0.1.0"\nedition = "2021"\n',
  'src/lib.rs': 'pub fn f() {}\n',
  'build.rs':
    'fn main() {\n    println!("cargo::warning=FOO={:?} FEATURES={:?}", std::env::var("CARGO_CFG_FOO").ok(), std::env::var("CARGO_CFG_TARGET_FEATURE").ok());\n}\n'
}
const RUSTFLAGS = '--cfg foo -C target-feature=+crt-static'

/** The line the build script printed, under `tool`. */
async function scriptSays(tool: 'cargo' | 'ours'): Promise<string | undefined> {
  const dir = await tempDir()
  await writeFiles(dir, FILES)
  const env = {
    RUSTFLAGS,
    CARGO_HOME: await fileTempDir('cs-cfg-home-'),
    NO_COLOR: '1',
    CARGO_TERM_COLOR: 'never'
  }
  const r =
    tool === 'cargo'
      ? await execa('cargo', ['build', '--offline'], { cwd: dir, env, reject: false })
      : await execa(CLI, ['build', '--offline'], { cwd: dir, env, reject: false })
  expect(r.exitCode, r.stderr).toBe(0)
  return r.stderr.split('\n').find((l) => l.startsWith('warning: cfgt@0.1.0: FOO='))
}

describe('RUSTFLAGS and the target a build script sees', () => {
  it('gives CARGO_CFG_* the cfg and target features RUSTFLAGS add, as cargo does', async () => {
    const theirs = await scriptSays('cargo')
    expect(theirs).toContain('FOO=Some("")')
    expect(theirs).toContain('crt-static')
    expect(await scriptSays('ours')).toBe(theirs)
  })
})

import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { parseBuildScriptOutput } from '../../../src/main/engine/compiler/build-script/directives'
import {
  buildScriptEnv,
  envify,
  type BuildScriptEnvInput
} from '../../../src/main/engine/compiler/build-script/script-env'
import { tempDir } from '../../helpers/temp-dir'

const PACKAGE = {
  name: 'my-app',
  version: '1.2.3-beta.1+build5',
  authors: ['Ann <a@x>', 'Bob'],
  description: 'An app',
  homepage: 'https://h.example',
  repository: 'https://r.example',
  license: 'MIT',
  licenseFile: 'LICENSE',
  rustVersion: '1.80',
  readme: 'README.md',
  links: 'app-links'
}

const input = (over: Partial<BuildScriptEnvInput> = {}): BuildScriptEnvInput => ({
  package: PACKAGE,
  manifestDir: '/w/app',
  manifestPath: '/w/app/Cargo.toml',
  outDir: '/w/app/target/debug/build/my-app-0123/out',
  target: 'x86_64-unknown-linux-gnu',
  host: 'x86_64-unknown-linux-gnu',
  profile: { root: 'debug', optLevel: '0', debuginfo: true, debugAssertions: true },
  jobs: 2,
  cargo: '/bin/cargo',
  rustc: '/bin/rustc',
  rustdoc: '/bin/rustdoc',
  features: [],
  cfg: new Map(),
  rustflags: [],
  linksDependencies: [],
  ...over
})

describe('buildScriptEnv', () => {
  it('sets the package, tool and profile variables', () => {
    const { vars, unset } = buildScriptEnv(input({ linker: '/bin/cc', jobs: 7 }))
    expect(vars).toMatchObject({
      CARGO_PKG_VERSION: '1.2.3-beta.1+build5',
      CARGO_PKG_VERSION_MAJOR: '1',
      CARGO_PKG_VERSION_PRE: 'beta.1',
      CARGO_PKG_AUTHORS: 'Ann <a@x>:Bob',
      CARGO_MANIFEST_LINKS: 'app-links',
      NUM_JOBS: '7',
      DEBUG: 'true',
      PROFILE: 'debug',
      RUSTC_LINKER: '/bin/cc',
      CARGO_ENCODED_RUSTFLAGS: ''
    })
    expect(unset).toEqual(['RUSTFLAGS', 'RUSTC_WRAPPER', 'RUSTC_WORKSPACE_WRAPPER'])
  })

  it('leaves out what is not configured, and fills missing manifest fields with ""', () => {
    const { vars } = buildScriptEnv(input({ package: { name: 'a', version: '0.1.0', authors: [] } }))
    expect(vars.RUSTC_LINKER).toBeUndefined()
    expect(vars.CARGO_MANIFEST_LINKS).toBeUndefined()
    expect(vars.CARGO_PKG_DESCRIPTION).toBe('')
    expect(vars.CARGO_PKG_AUTHORS).toBe('')
  })

  it('maps features and cfg the way cargo 1.95 does', () => {
    const cfg = new Map<string, readonly string[]>([
      ['debug_assertions', []],
      ['unix', []],
      ['target_feature', ['fxsr', 'sse']],
      ['feature', ['from-rustflags']]
    ])
    const { vars } = buildScriptEnv(
      input({
        features: ['zeta', 'fancy-one'],
        cfg,
        profile: { root: 'release', optLevel: '3', debuginfo: false, debugAssertions: false },
        rustflags: ['--cfg', 'foo']
      })
    )
    expect(vars).toMatchObject({
      CARGO_FEATURE_FANCY_ONE: '1',
      CARGO_FEATURE_ZETA: '1',
      CARGO_CFG_FEATURE: 'fancy-one,zeta,from-rustflags',
      CARGO_CFG_UNIX: '',
      CARGO_CFG_TARGET_FEATURE: 'fxsr,sse',
      CARGO_ENCODED_RUSTFLAGS: '--cfg\x1ffoo',
      PROFILE: 'release',
      DEBUG: 'false'
    })
    // rustc always prints debug_assertions; cargo follows the profile instead.
    expect(vars.CARGO_CFG_DEBUG_ASSERTIONS).toBeUndefined()
  })

  it('passes the dependencies’ links metadata as DEP_<LINKS>_<KEY>', () => {
    const { vars } = buildScriptEnv(
      input({ linksDependencies: [{ links: 'my-native', metadata: [{ key: 'version-str', value: '1.2' }] }] })
    )
    expect(vars.DEP_MY_NATIVE_VERSION_STR).toBe('1.2')
    expect(envify('a-b.c')).toBe('A_B.C')
  })
})

/** A package whose build script writes its environment to env.json, built by the real cargo. */
async function cargoScriptEnv(dir: string, args: readonly string[]): Promise<Record<string, string>> {
  const app = join(dir, 'app')
  await execa('cargo', ['build', '--offline', '-q', '-j', '3', ...args], {
    cwd: app,
    env: { CARGO_HOME: join(dir, 'home'), RUSTFLAGS: '--cfg foo', CARGO_TERM_COLOR: 'never' }
  })
  const lines = (await readFile(join(app, 'env.txt'), 'utf8')).split('\n').filter((l) => l !== '')
  return Object.fromEntries(lines.map((l) => JSON.parse(l) as [string, string]))
}

const DEP_OUTPUT =
  'cargo:include=/inc/dir\ncargo::metadata=version-str=1.2\ncargo:rustc-link-search=native=/opt/x\n'

async function writePackages(dir: string): Promise<void> {
  await mkdir(join(dir, 'dep', 'src'), { recursive: true })
  await mkdir(join(dir, 'app', 'src'), { recursive: true })
  await writeFile(
    join(dir, 'dep', 'Cargo.toml'),
    '[package]\nname = "dep-sys"\nversion = "0.2.0"\nedition = "2021"\nlinks = "my-native"\n'
  )
  await writeFile(
    join(dir, 'dep', 'build.rs'),
    `fn main() { print!("{}", ${JSON.stringify(DEP_OUTPUT)}); }\n`
  )
  await writeFile(join(dir, 'dep', 'src', 'lib.rs'), '')
  await writeFile(
    join(dir, 'app', 'Cargo.toml'),
    `[package]
name = "my-app"
version = "1.2.3-beta.1+build5"
edition = "2021"
authors = ["Ann <a@x>", "Bob"]
description = "An app"
homepage = "https://h.example"
repository = "https://r.example"
license = "MIT"
license-file = "LICENSE"
rust-version = "1.80"
readme = "README.md"
links = "app-links"

[features]
default = ["fancy-one"]
fancy-one = []
other_two = []

[dependencies]
dep-sys = { path = "../dep" }

[profile.release]
debug-assertions = true
`
  )
  await writeFile(join(dir, 'app', 'LICENSE'), '')
  await writeFile(join(dir, 'app', 'README.md'), '')
  await writeFile(join(dir, 'app', 'src', 'lib.rs'), '')
  await writeFile(
    join(dir, 'app', 'build.rs'),
    `use std::io::Write;
fn main() {
    let mut f = std::fs::File::create(concat!(env!("CARGO_MANIFEST_DIR"), "/env.txt")).unwrap();
    for (k, v) in std::env::vars() {
        let esc = |s: &str| s.chars().map(|c| match c { '"' | '\\\\' => format!("\\\\{}", c), c if (c as u32) < 0x20 => format!("\\\\u{:04x}", c as u32), c => c.to_string() }).collect::<String>();
        writeln!(f, "[\\"{}\\",\\"{}\\"]", esc(&k), esc(&v)).unwrap();
    }
}
`
  )
}

/** Set by the host process (jobserver, dylib path) or passed in by this test, not this function's. */
const NOT_OURS = new Set(['CARGO_MAKEFLAGS', 'CARGO_HOME', 'CARGO_TERM_COLOR', 'LD_LIBRARY_PATH'])
const inherited = (k: string, v: string | undefined) => process.env[k] !== undefined && process.env[k] === v

describe('buildScriptEnv against the real cargo', () => {
  it('matches what cargo 1.95 gives a build script (dev and release)', { timeout: 120_000 }, async () => {
    const dir = await tempDir()
    await writePackages(dir)
    const { stdout: sysroot } = await execa('rustc', ['--print', 'sysroot'])
    const { stdout: cfgText } = await execa('rustc', ['--print', 'cfg', '--cfg', 'foo'])
    const cfg = new Map<string, string[]>()
    for (const line of cfgText.split('\n')) {
      const m = /^([^=]+)(?:="(.*)")?$/.exec(line.trim())
      if (!m) continue
      const values = cfg.get(m[1]!) ?? []
      if (m[2] !== undefined) values.push(m[2])
      cfg.set(m[1]!, values)
    }
    const depOutput = parseBuildScriptOutput(DEP_OUTPUT, { packageDescr: 'dep-sys v0.2.0', targets: [] })
    const app = join(dir, 'app')
    for (const release of [false, true]) {
      const real = await cargoScriptEnv(dir, release ? ['--release'] : [])
      const { vars, unset } = buildScriptEnv({
        package: PACKAGE,
        manifestDir: app,
        manifestPath: join(app, 'Cargo.toml'),
        // The directory's hash is cargo's metadata hash, which this function is given, not computes.
        outDir: real.OUT_DIR ?? '',
        target: 'x86_64-unknown-linux-gnu',
        host: 'x86_64-unknown-linux-gnu',
        profile: release
          ? { root: 'release', optLevel: '3', debuginfo: false, debugAssertions: true }
          : { root: 'debug', optLevel: '0', debuginfo: true, debugAssertions: true },
        jobs: 3,
        cargo: join(sysroot, 'bin', 'cargo'),
        rustc: join(sysroot, 'bin', 'rustc'),
        rustdoc: join(sysroot, 'bin', 'rustdoc'),
        features: ['default', 'fancy-one'],
        cfg,
        rustflags: ['--cfg', 'foo'],
        linksDependencies: [{ links: 'my-native', metadata: depOutput.metadata }]
      })
      expect(real.OUT_DIR).toMatch(
        new RegExp(`/target/${release ? 'release' : 'debug'}/build/my-app-[0-9a-f]+/out$`)
      )
      expect([vars.DEP_MY_NATIVE_INCLUDE, vars.DEP_MY_NATIVE_VERSION_STR, vars.CARGO_CFG_FOO]).toEqual([
        '/inc/dir',
        '1.2',
        ''
      ])
      // Every variable we set has cargo's value…
      for (const [k, v] of Object.entries(vars)) expect([k, real[k]]).toEqual([k, v])
      // …and every cargo-specific variable cargo set is one we set.
      const cargoKeys = Object.keys(real).filter(
        (k) =>
          !NOT_OURS.has(k) &&
          !(inherited(k, real[k]) && !(k in vars)) &&
          (/^(CARGO|DEP)_/.test(k) ||
            [
              'OUT_DIR',
              'TARGET',
              'HOST',
              'PROFILE',
              'OPT_LEVEL',
              'DEBUG',
              'NUM_JOBS',
              'RUSTC',
              'RUSTDOC',
              'CARGO'
            ].includes(k))
      )
      expect(cargoKeys.filter((k) => !(k in vars))).toEqual([])
      for (const k of unset) expect(real[k]).toBeUndefined()
    }
  })
})

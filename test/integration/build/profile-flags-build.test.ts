/**
 * A real build with our engine against `cargo build -v` on the same package: a library, a binary,
 * a build script and a proc-macro (with a build script of its own), a path dependency used at
 * build time and at run time, an integration test, `[profile.dev.build-override]`, release LTO,
 * a custom profile inheriting release, and `cargo test`'s `test` profile with `panic = "abort"`. Our rustc command lines are captured through RUSTC_WRAPPER, so what is
 * compared is what the runner really ran: every unit's profile flags in order, the profile
 * warnings, the Finished line, and what the build scripts were told (PROFILE, DEBUG, OPT_LEVEL,
 * debug_assertions).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { runBuild } from '../../../src/main/engine/compiler/build-runner'
import type { TargetSelection } from '../../../src/main/engine/compiler/unit-graph'
import { DEFAULT_TEST_SELECTION } from '../../../src/main/engine/run/test-package'
import { eventLog } from '../../helpers/events'
import { project } from '../../helpers/project'
import { tempDir } from '../../helpers/temp-dir'
import { isolatedEnv, splitCommand } from '../profile/cargo-verbose'

const PROFILE_FLAGS = new Set([
  'opt-level',
  'panic',
  'lto',
  'embed-bitcode',
  'linker-plugin-lto',
  'codegen-units',
  'debuginfo',
  'split-debuginfo',
  'debug-assertions',
  'overflow-checks',
  'rpath',
  'incremental',
  'strip'
])

/**
 * `crate:type -C …`: the profile flags of one rustc command line and `--test`, in order
 * (`-C incremental=<dir>` as `-C incremental`); a test has no crate type.
 */
function profileFlags(args: readonly string[]): string {
  const at = (flag: string): string => (args.includes(flag) ? args[args.indexOf(flag) + 1]! : 'test')
  const flags: string[] = []
  args.forEach((a, i) => {
    const next = args[i + 1]
    if (a === '--test') flags.push(a)
    if (a !== '-C' || next === undefined || !PROFILE_FLAGS.has(next.split('=')[0]!)) return
    flags.push('-C', next.startsWith('incremental=') ? 'incremental' : next)
  })
  return `${at('--crate-name')}:${at('--crate-type')} ${flags.join(' ')}`.trim()
}

const MANIFEST = `[package]
name = "p"
version = "0.1.0"
edition = "2021"

[dependencies]
q = { path = "q" }
m = { path = "m" }

[build-dependencies]
q = { path = "q" }

[profile.dev.build-override]
debug-assertions = false

[profile.release]
lto = true

[profile.ci]
inherits = "release"
lto = "fat"
debug = "line-tables-only"
codegen-units = 8
incremental = true
strip = "symbols"

[profile.test]
panic = "abort"
`

/** What a build script saw, passed on to the crate it builds for. */
const REPORT = `let v = |k: &str| std::env::var(k).unwrap_or_default();
    let seen = format!("{}/{}/{}/{}", v("PROFILE"), v("DEBUG"), v("OPT_LEVEL"), std::env::var("CARGO_CFG_DEBUG_ASSERTIONS").is_ok());`

async function fixture() {
  return project()
    .file('Cargo.toml', MANIFEST)
    .file('src/lib.rs', "pub fn word() -> &'static str { q::name() }\n")
    .file(
      'src/main.rs',
      'fn main() { println!("{} script:{} macro-script:{}", p::word(), env!("SCRIPT_SAW"), m::saw!()); }\n'
    )
    .file(
      'build.rs',
      `fn main() {\n    ${REPORT}\n    println!("cargo:rustc-env=SCRIPT_SAW={seen}");\n    let _ = q::name();\n}\n`
    )
    .file('tests/it.rs', '#[test]\nfn word() {\n    assert_eq!(p::word(), "q");\n}\n')
    .file('q/Cargo.toml', '[package]\nname = "q"\nversion = "0.1.0"\nedition = "2021"\n')
    .file('q/src/lib.rs', 'pub fn name() -> &\'static str { "q" }\n')
    .file(
      'm/Cargo.toml',
      '[package]\nname = "m"\nversion = "0.1.0"\nedition = "2021"\n[lib]\nproc-macro = true\n'
    )
    .file('m/build.rs', `fn main() {\n    ${REPORT}\n    println!("cargo:rustc-env=M_SAW={seen}");\n}\n`)
    .file(
      'm/src/lib.rs',
      'use proc_macro::TokenStream;\n#[proc_macro]\npub fn saw(_: TokenStream) -> TokenStream {\n    format!("{:?}", env!("M_SAW")).parse().unwrap()\n}\n'
    )
    .build()
}

/** Logs each rustc command line (tab-separated) to $CS_RUSTC_LOG in one write, then runs it. */
const WRAPPER = `#!/bin/sh
line=""
for a in "$@"; do line="$line$a	"; done
printf '%s\\n' "$line" >> "$CS_RUSTC_LOG"
exec "$@"
`

interface Side {
  readonly flags: readonly string[]
  readonly warnings: readonly string[]
  readonly finished: string
  readonly output: string
}

const warningLines = (text: string) => text.split('\n').filter((l) => l.startsWith('warning:'))

async function cargoSide(root: string, args: readonly string[], env: Record<string, string>, dir: string) {
  const r = await execa('cargo', [...args, '-v', '--offline'], {
    cwd: root,
    env,
    extendEnv: false,
    reject: false
  })
  if (r.exitCode !== 0) throw new Error(`cargo ${args.join(' ')} failed:\n${r.stderr}`)
  const flags = r.stderr.split('\n').flatMap((line) => {
    const m = /^\s+Running `(.*)`$/.exec(line)
    return m?.[1]?.includes('--crate-name') ? [profileFlags(splitCommand(m[1]))] : []
  })
  const finished = /Finished (.*) in /.exec(r.stderr)?.[1] ?? ''
  const output = (await execa(join(root, 'target', dir, 'p'))).stdout
  return { flags: flags.sort(), warnings: warningLines(r.stderr), finished, output }
}

async function ourSide(root: string, s: Scenario, env: Record<string, string>): Promise<Side> {
  const scratch = await tempDir('cs-profile-ours-')
  const wrapper = await project().executable('rustc-log.sh', WRAPPER).build(scratch)
  const logFile = join(scratch, 'rustc.log')
  const targetDir = join(scratch, 'target')
  const log = eventLog()
  const result = await runBuild(
    {
      manifestPath: join(root, 'Cargo.toml'),
      profile: s.profile,
      selection: s.selection ?? { lib: true, bins: 'all' },
      env: {
        ...env,
        RUSTC_WRAPPER: wrapper.path('rustc-log.sh'),
        CS_RUSTC_LOG: logFile,
        CARGO_TARGET_DIR: targetDir
      },
      homeDir: scratch,
      cacheDir: join(scratch, 'cache'),
      offline: true
    },
    { sink: log.sink }
  )
  expect(result.success, log.text()).toBe(true)
  const flags = (await readFile(logFile, 'utf8'))
    .split('\n')
    .filter((l) => l.includes('--crate-name'))
    .map((l) => profileFlags(l.split('\t').slice(1, -1)))
  const finished = /^\s*Finished (.*) in /m.exec(log.text())?.[1] ?? ''
  const output = (await execa(join(targetDir, s.dir, 'p'))).stdout
  return { flags: flags.sort(), warnings: warningLines(log.text()), finished, output }
}

interface Scenario {
  readonly title: string
  /** cargo's command; `profile` and `selection` are what it asks of our engine. */
  readonly args: readonly string[]
  readonly profile: string
  readonly selection?: TargetSelection
  /** The folder under target/ the program lands in. */
  readonly dir: string
  readonly env?: Record<string, string>
}

const SCENARIOS: readonly Scenario[] = [
  {
    title: 'dev, whose build-override keeps q for the host apart',
    args: ['build'],
    profile: 'dev',
    dir: 'debug'
  },
  {
    title: 'dev with the build-override undone from the environment: q is one unit',
    args: ['build'],
    profile: 'dev',
    dir: 'debug',
    env: { CARGO_PROFILE_DEV_BUILD_OVERRIDE_DEBUG_ASSERTIONS: 'true' }
  },
  { title: 'release with LTO', args: ['build', '--release'], profile: 'release', dir: 'release' },
  {
    title: 'a custom profile inheriting release',
    args: ['build', '--profile', 'ci'],
    profile: 'ci',
    dir: 'ci'
  },
  {
    title: 'cargo test: the test profile for every unit, harnesses and what they link unwinding',
    args: ['test', '--no-run'],
    profile: 'test',
    selection: DEFAULT_TEST_SELECTION,
    dir: 'debug'
  }
]

describe('profile flags of a real build, ours against cargo build -v', () => {
  for (const s of SCENARIOS)
    it(s.title, async () => {
      const p = await fixture()
      const env = isolatedEnv(await tempDir('cs-cargo-home-'), s.env)
      const cargo = await cargoSide(p.root, s.args, env, s.dir)
      const ours = await ourSide(p.root, s, env)
      expect(ours.flags).toEqual(cargo.flags)
      expect(cargo.warnings).toContain('warning: `panic` setting is ignored for `test` profile')
      expect(ours.warnings).toEqual(cargo.warnings)
      expect(ours.finished).toBe(cargo.finished)
      expect(ours.output).toBe(cargo.output)
    })
})

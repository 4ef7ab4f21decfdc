/**
 * The profile flags of every rustc call, ours against cargo 1.95's `-v` output, for one package
 * with a library, a binary, a build script, a proc-macro, a path dependency used at build time
 * and at run time, and a build-only dependency. Our side walks the same unit graph the way the
 * planner will: forUnit per unit, sharing, the strip rule, weakening and LTO over the graph.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCargoConfig } from '../../../src/main/engine/config/load-cargo-config'
import {
  applyStripRule,
  computeUnitLto,
  loadManifestProfiles,
  profileArgParts,
  profileIdentity,
  resolveProfiles,
  weakenDebuginfo,
  type LtoUnitInfo,
  type Profile,
  type Profiles
} from '../../../src/main/engine/compiler/profile'
import { project } from '../../helpers/project'
import { tempDir } from '../../helpers/temp-dir'
import { cargoRustcLines, isolatedEnv } from './cargo-verbose'

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

/** `crate:type -C …` for each rustc line, profile flags only (`-C incremental=<dir>` as `-C incremental`). */
function cargoSide(lines: Awaited<ReturnType<typeof cargoRustcLines>>): string[] {
  return lines
    .map((l) => {
      const flags: string[] = []
      l.args.forEach((a, i) => {
        const next = l.args[i + 1]
        if (a !== '-C' || next === undefined || !PROFILE_FLAGS.has(next.split('=')[0]!)) return
        flags.push('-C', next.startsWith('incremental=') ? 'incremental' : next)
      })
      return `${l.crateName}:${l.crateType} ${flags.join(' ')}`.trim()
    })
    .sort()
}

interface Node {
  readonly label: string
  readonly profile: Profile
  readonly info: LtoUnitInfo
  readonly deps: readonly Node[]
}

/** The unit graph of the fixture, settled as cargo settles it, and each unit's flags. */
function ourSide(profiles: Profiles, name: string): string[] {
  const member = { name: 'p', isMember: true }
  const dep = (n: string) => ({ name: n, isMember: false, isLocal: true })
  const settle = (label: string, raw: Profile, deps: Node[], host: boolean, crateTypes: string[]): Node => {
    let p = applyStripRule(raw, [...deps.map((d) => d.profile)])
    if (host) p = weakenDebuginfo(p)
    const hostTarget = label.startsWith('build_script') || crateTypes.includes('proc-macro')
    return { label, profile: p, deps, info: { crateTypes, hostTarget, lto: p.lto } }
  }
  const qTarget = profiles.forUnit(name, dep('q'), false)
  const qHostRaw = profiles.forUnit(name, dep('q'), true)
  const q = settle('q:lib', qTarget, [], false, ['lib'])
  // A host unit identical to a target unit (deferred debuginfo aside) is that unit.
  const qHost =
    profileIdentity(qHostRaw) === profileIdentity(qTarget) ? q : settle('q:lib', qHostRaw, [], true, ['lib'])
  const b = settle('b:lib', profiles.forUnit(name, dep('b'), true), [], true, ['lib'])
  const m = settle('m:proc-macro', profiles.forUnit(name, dep('m'), true), [], true, ['proc-macro'])
  const script = settle('build_script_build:bin', profiles.forUnit(name, member, true), [b, qHost], true, [
    'bin'
  ])
  const lib = settle('p:lib', profiles.forUnit(name, member, false), [q, m, script], false, ['lib'])
  const bin = settle('p:bin', profiles.forUnit(name, member, false), [lib, q, m, script], false, ['bin'])
  const lto = computeUnitLto(
    [lib, bin],
    (n) => n.deps,
    (n) => n.info
  )
  return [...lto.keys()]
    .map((n) => {
      const parts = profileArgParts(n.profile, lto.get(n)!)
      const flags = [
        ...parts.codegen,
        ...parts.checks,
        ...parts.rpath,
        ...(n.profile.incremental ? ['-C', 'incremental'] : []),
        ...parts.strip
      ]
      return `${n.label} ${flags.join(' ')}`.trim()
    })
    .sort()
}

interface Scenario {
  readonly title: string
  readonly profiles: string
  readonly config?: string
  readonly env?: Record<string, string>
  readonly args: readonly string[]
  readonly profile: string
}

const SCENARIOS: readonly Scenario[] = [
  { title: 'dev defaults', profiles: '', args: [], profile: 'dev' },
  { title: 'release defaults', profiles: '', args: ['--release'], profile: 'release' },
  {
    title: 'dev with every setting changed',
    profiles:
      '[profile.dev]\ndebug = "line-tables-only"\nsplit-debuginfo = "packed"\nrpath = true\nstrip = true\ncodegen-units = 4\npanic = "abort"\nlto = "thin"\nopt-level = 1\n',
    args: [],
    profile: 'dev'
  },
  {
    title: 'release with LTO, build-override and package overrides',
    profiles:
      '[profile.release]\nlto = true\n[profile.release.build-override]\ndebug = true\nopt-level = 1\ncodegen-units = 3\n[profile.release.package.q]\nopt-level = 2\ndebug = 1\n[profile.release.package."*"]\nopt-level = "s"\ncodegen-units = 7\n',
    args: ['--release'],
    profile: 'release'
  },
  {
    title: 'release with lto off, overflow checks, and dependencies with debuginfo (no default strip)',
    profiles:
      '[profile.release]\nlto = "off"\noverflow-checks = true\n[profile.release.package."*"]\ndebug = "limited"\n',
    args: ['--release'],
    profile: 'release'
  },
  {
    title: 'a custom profile, overridden by config and environment',
    profiles: '[profile.custom]\ninherits = "release"\ndebug = 1\nlto = "fat"\nopt-level = 2\n',
    config: '[profile.custom]\ndebug-assertions = true\nopt-level = "z"\n[build]\nincremental = true\n',
    env: { CARGO_PROFILE_CUSTOM_CODEGEN_UNITS: '2' },
    args: ['--profile', 'custom'],
    profile: 'custom'
  },
  {
    title: 'a profile only the configuration defines, CARGO_INCREMENTAL=0',
    profiles: '',
    config: '[profile.mine]\ninherits = "dev"\ndebug-assertions = false\nstrip = "debuginfo"\n',
    env: { CARGO_INCREMENTAL: '0' },
    args: ['--profile', 'mine'],
    profile: 'mine'
  }
]

const MANIFEST = `[package]
name = "p"
version = "0.1.0"
edition = "2021"

[dependencies]
q = { path = "q" }
m = { path = "m" }

[build-dependencies]
q = { path = "q" }
b = { path = "b" }
`

function lib(name: string, extra = ''): string {
  return `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n${extra}`
}

describe('profile flags against cargo -v', () => {
  for (const s of SCENARIOS)
    it(s.title, async () => {
      const builder = project()
        .file('Cargo.toml', MANIFEST + s.profiles)
        .file('src/lib.rs', '')
        .file('src/main.rs', 'fn main() {}\n')
        .file('build.rs', 'fn main() {}\n')
        .file('q/Cargo.toml', lib('q'))
        .file('q/src/lib.rs', '')
        .file('b/Cargo.toml', lib('b'))
        .file('b/src/lib.rs', '')
        .file('m/Cargo.toml', lib('m', '[lib]\nproc-macro = true\n'))
        .file('m/src/lib.rs', '')
      const p = await (s.config ? builder.file('.cargo/config.toml', s.config) : builder).build()
      const cargoHome = await tempDir('cs-cargo-home-')
      const env = isolatedEnv(cargoHome, s.env)
      const cargo = cargoSide(await cargoRustcLines(p.root, s.args, env))

      const config = await loadCargoConfig({ cwd: p.root, env, homeDir: env.HOME!, cargoHome })
      const { profiles: manifestProfiles } = await loadManifestProfiles(join(p.root, 'Cargo.toml'))
      const profiles = resolveProfiles({
        manifestProfiles,
        manifestPath: p.manifest,
        config,
        requested: s.profile
      })
      expect(ourSide(profiles, s.profile)).toEqual(cargo)
    })
})

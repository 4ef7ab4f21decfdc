#!/usr/bin/env node
/**
 * Records what the real cargo says about a small workspace, for cargo-tree-golden.test.ts:
 * `cargo metadata` (trimmed to the fields the test reads) and the text of `cargo tree`,
 * `cargo tree -i …` and `cargo tree -d`. Needs cargo, git and Debian's crate directory
 * (/usr/share/cargo/registry, see .ci/run). Run it with node, then `npx prettier --write` the JSON.
 *
 * The workspace: two members (a binary and a path library), registry crates from Debian's
 * directory, a git dependency that is a second `cfg-if` (a duplicate), a renamed dependency, a
 * `cfg(unix)` dependency, build and dev dependencies, and a proc-macro.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const DIR = '/tmp/crate-studio-tree-golden'
const OUT = join(import.meta.dirname, 'workspace.json')

const files = {
  '.cargo/config.toml': `[source.crates-io]\nreplace-with = "debian"\n[source.debian]\ndirectory = "/usr/share/cargo/registry"\n[net]\ngit-fetch-with-cli = true\n`,
  'Cargo.toml': `[workspace]\nmembers = ["app", "helper"]\nresolver = "2"\n`,
  'gitdep/Cargo.toml': `[package]\nname = "cfg-if"\nversion = "0.1.10"\nedition = "2018"\n`,
  'gitdep/src/lib.rs': '',
  'helper/Cargo.toml': `[package]\nname = "helper"\nversion = "0.2.0"\nedition = "2021"\n\n[dependencies]\nonce_cell = "1"\ncfg-if = { git = "file://${DIR}/gitdep" }\nmylog = { package = "log", version = "0.4" }\n\n[build-dependencies]\ncc = "1"\n`,
  'helper/src/lib.rs': '',
  'app/Cargo.toml': `[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nrand = "0.8"\nserde = { version = "1", features = ["derive"] }\nhelper = { path = "../helper" }\ncrossbeam-channel = "0.5"\n\n[target.'cfg(unix)'.dependencies]\nlibc = "0.2"\n\n[build-dependencies]\nautocfg = "1"\n\n[dev-dependencies]\neither = "1"\nhelper = { path = "../helper" }\n`,
  'app/src/main.rs': 'fn main() {}\n'
}

rmSync(DIR, { recursive: true, force: true })
for (const [path, text] of Object.entries(files)) {
  mkdirSync(join(DIR, path, '..'), { recursive: true })
  writeFileSync(join(DIR, path), text)
}
const git = (...args) => execFileSync('git', args, { cwd: join(DIR, 'gitdep') })
git('init', '-q')
git('add', '.')
git('-c', 'user.name=golden', '-c', 'user.email=golden@example.com', 'commit', '-qm', 'cfg-if 0.1.10')

const env = { ...process.env, CARGO_HOME: join(DIR, 'cargo-home'), CARGO_TERM_COLOR: 'never' }
const cargo = (...args) => execFileSync('cargo', args, { cwd: DIR, env, encoding: 'utf8' })
cargo('generate-lockfile')

const metadata = JSON.parse(cargo('metadata', '--format-version', '1', '--offline'))
const trimmed = {
  workspace_members: metadata.workspace_members,
  packages: metadata.packages.map((p) => ({
    id: p.id,
    name: p.name,
    version: p.version,
    source: p.source,
    manifest_path: p.manifest_path,
    license: p.license,
    description: p.description,
    features: p.features,
    targets: p.targets.map((t) => ({ kind: t.kind })),
    dependencies: p.dependencies.map((d) => ({
      name: d.name,
      rename: d.rename,
      req: d.req,
      kind: d.kind,
      target: d.target,
      features: d.features,
      optional: d.optional,
      uses_default_features: d.uses_default_features
    }))
  })),
  resolve: {
    nodes: metadata.resolve.nodes.map((n) => ({ id: n.id, deps: n.deps, features: n.features }))
  }
}

const commands = [
  ['tree'],
  ['tree', '-i', 'cfg-if@1.0.0'],
  ['tree', '-i', 'proc-macro2'],
  ['tree', '-i', 'libc'],
  ['tree', '-d']
]
const trees = Object.fromEntries(commands.map((args) => [args.join(' '), cargo(...args, '--offline')]))
writeFileSync(
  OUT,
  `${JSON.stringify({ cargo: cargo('--version').trim(), metadata: trimmed, trees }, null, 1)}\n`
)
console.log(`wrote ${OUT}`)

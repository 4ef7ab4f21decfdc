/**
 * Workspace trust, proven with a project whose every way of running code leaves a marker file:
 * its build script, a proc-macro it uses, the rustc wrapper its .cargo/config.toml names, and
 * a rust-toolchain.toml pointing rustup at a "toolchain" inside the project. Opening, the
 * dependency tree, editing, the git panel and the CLI's `tree` and `metadata` leave no marker;
 * building is refused until the folder is trusted, then runs all of them; revoking refuses again.
 */
import { chmod, mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { appHandlers } from '../../helpers/app-handlers'
import { runCli } from '../../helpers/cargo-offline'
import { tempDir } from '../../helpers/temp-dir'

async function write(path: string, text: string, executable = false): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true })
  await writeFile(path, text)
  if (executable) await chmod(path, 0o755)
}

/** The project, and the folder its code writes markers into. */
async function boobyTrapped(base: string, realRustc: string) {
  const root = join(base, 'victim')
  const markers = join(base, 'markers')
  await mkdir(markers, { recursive: true })
  const mark = (name: string) => JSON.stringify(join(markers, name))
  await write(
    join(root, 'Cargo.toml'),
    '[package]\nname = "victim"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nmacros = { path = "macros" }\n'
  )
  await write(join(root, 'build.rs'), `fn main() { std::fs::write(${mark('build-script')}, "").unwrap(); }\n`)
  await write(join(root, 'src', 'main.rs'), 'macros::mark!();\nfn main() {}\n')
  await write(
    join(root, 'macros', 'Cargo.toml'),
    '[package]\nname = "macros"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\nproc-macro = true\n'
  )
  await write(
    join(root, 'macros', 'src', 'lib.rs'),
    `use proc_macro::TokenStream;\n#[proc_macro]\npub fn mark(_: TokenStream) -> TokenStream {\n    std::fs::write(${mark('proc-macro')}, "").unwrap();\n    TokenStream::new()\n}\n`
  )
  await write(join(root, 'wrapper.sh'), `#!/bin/sh\ntouch ${mark('wrapper')}\nexec "$@"\n`, true)
  await write(
    join(root, '.cargo', 'config.toml'),
    `[build]\nrustc-wrapper = ${JSON.stringify(join(root, 'wrapper.sh'))}\n`
  )
  await write(
    join(root, 'toolchain', 'bin', 'rustc'),
    `#!/bin/sh\ntouch ${mark('toolchain')}\nexec ${JSON.stringify(realRustc)} "$@"\n`,
    true
  )
  await write(
    join(root, 'rust-toolchain.toml'),
    `[toolchain]\npath = ${JSON.stringify(join(root, 'toolchain'))}\n`
  )
  return { root, manifest: join(root, 'Cargo.toml'), markers }
}

describe('workspace trust', () => {
  it('runs none of a project’s code before the folder is trusted, all of it after', async () => {
    const sysroot = (await execa('rustc', ['--print', 'sysroot'])).stdout.trim()
    const rustup = (await execa('rustup', ['--version'], { reject: false })).exitCode === 0
    const base = await tempDir()
    const p = await boobyTrapped(base, join(sysroot, 'bin', 'rustc'))
    const { call, ok, finished } = appHandlers({
      configDir: join(base, 'config'),
      cacheDir: join(base, 'cache')
    })
    const marks = () => readdir(p.markers).then((names) => names.sort())

    // Looking and editing.
    await ok('openProject', { path: p.root })
    await ok('dependencyGraph', { manifestPath: p.manifest })
    await ok('gitDependencies', { manifestPath: p.manifest })
    const opened = await ok<{ text: string; baseHash: string }>('openManifest', { path: p.manifest })
    const edited = `${opened.text}\n# looked at, not built\n`
    await ok('saveManifest', { path: p.manifest, text: edited, baseHash: opened.baseHash })
    for (const command of [['tree'], ['metadata', '--format-version', '1']]) {
      const r = await runCli(command, p.root)
      expect(r.exitCode, r.stderr).toBe(0)
    }
    expect(await marks()).toEqual([])

    // Building, running and testing wait for trust.
    expect(await ok('folderTrust', { manifestPath: p.manifest })).toEqual({
      trusted: false,
      trustedBy: null,
      untrusted: [p.root, join(p.root, 'macros')]
    })
    for (const [channel, extra] of [
      ['startBuild', {}],
      ['startRun', { args: [] }],
      ['startTest', { args: [] }]
    ] as const) {
      const r = await call(channel, { manifestPath: p.manifest, profile: 'dev', ...extra })
      expect(r).toMatchObject({ ok: false, error: { code: 'untrusted' } })
    }
    expect(await marks()).toEqual([])

    // Trusted: the build runs the project's code, every kind of it.
    expect(await ok('setFolderTrust', { manifestPath: p.manifest, trusted: true })).toEqual({
      trusted: true,
      trustedBy: p.root,
      untrusted: []
    })
    const { operationId } = await ok<{ operationId: string }>('startBuild', {
      manifestPath: p.manifest,
      profile: 'dev'
    })
    expect(await finished(operationId)).toMatchObject({ success: true })
    expect(await marks()).toEqual(
      ['build-script', 'proc-macro', ...(rustup ? ['toolchain'] : []), 'wrapper'].sort()
    )

    // Revoked: refused again.
    expect(await ok('setFolderTrust', { manifestPath: p.manifest, trusted: false })).toMatchObject({
      trusted: false,
      trustedBy: null
    })
    expect(await call('startBuild', { manifestPath: p.manifest, profile: 'dev' })).toMatchObject({
      ok: false,
      error: { code: 'untrusted' }
    })
  }, 180_000)

  it('runs no code of a path dependency outside the trusted folder until that folder is trusted too', async () => {
    const base = await tempDir()
    const markers = join(base, 'markers')
    await mkdir(markers)
    const app = join(base, 'app')
    const outside = join(base, 'outside')
    await write(join(app, 'Cargo.toml'), '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n')
    await write(join(app, 'src', 'main.rs'), 'fn main() {}\n')
    await write(
      join(outside, 'Cargo.toml'),
      '[package]\nname = "helper"\nversion = "0.1.0"\nedition = "2021"\n'
    )
    await write(join(outside, 'src', 'lib.rs'), 'pub fn hi() {}\n')
    await write(
      join(outside, 'build.rs'),
      `fn main() { std::fs::write(${JSON.stringify(join(markers, 'outside'))}, "").unwrap(); }\n`
    )
    const { ok, finished } = appHandlers({
      configDir: join(base, 'config'),
      cacheDir: join(base, 'cache')
    })
    const manifest = join(app, 'Cargo.toml')
    await ok('openProject', { path: app })
    await ok('setFolderTrust', { manifestPath: manifest, trusted: true })
    // After trust, the manifest (which the page's editor may write) gains a dependency outside.
    const opened = await ok<{ text: string; baseHash: string }>('openManifest', { path: manifest })
    await ok('saveManifest', {
      path: manifest,
      text: `${opened.text}\n[dependencies]\nhelper = { path = "../outside" }\n`,
      baseHash: opened.baseHash
    })
    await write(join(app, 'src', 'main.rs'), 'fn main() { helper::hi() }\n')
    const first = await ok<{ operationId: string }>('startBuild', { manifestPath: manifest, profile: 'dev' })
    expect(await finished(first.operationId)).toMatchObject({
      success: false,
      error: { code: 'untrusted', message: expect.stringContaining(outside) as string }
    })
    expect(await readdir(markers)).toEqual([])

    expect(await ok('folderTrust', { manifestPath: manifest })).toMatchObject({
      trusted: false,
      untrusted: [outside]
    })
    expect(await ok('setFolderTrust', { manifestPath: manifest, trusted: true })).toMatchObject({
      trusted: true
    })
    const second = await ok<{ operationId: string }>('startBuild', { manifestPath: manifest, profile: 'dev' })
    expect(await finished(second.operationId)).toMatchObject({ success: true })
    expect(await readdir(markers)).toEqual(['outside'])
  }, 180_000)
})

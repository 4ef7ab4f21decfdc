import { describe, expect, it } from 'vitest'
import { loadPackage } from '../../../../src/main/engine/manifest/read-manifest'
import { EngineError } from '../../../../src/main/engine/errors'
import { project } from '../../../helpers/project'

const RS = 'fn main() {}\n'

async function targetsOf(files: Record<string, string>) {
  const b = project()
  for (const [path, contents] of Object.entries(files)) b.file(path, contents)
  const p = await b.build()
  const pkg = await loadPackage(p.manifest)
  return pkg.targets.map((t) => `${t.kind}:${t.name}:${t.srcPath.slice(p.root.length + 1)}:${t.crateName}`)
}

async function failure(files: Record<string, string>): Promise<EngineError> {
  try {
    await targetsOf(files)
  } catch (e) {
    if (e instanceof EngineError) return e
    throw e
  }
  throw new Error('expected an error')
}

const MANIFEST = '[package]\nname = "my-pkg"\nversion = "0.1.0"\nedition = "2021"\n'

describe('target discovery', () => {
  it('finds src/main.rs as a bin named after the package, and src/lib.rs as the lib', async () => {
    expect(await targetsOf({ 'Cargo.toml': MANIFEST, 'src/main.rs': RS, 'src/lib.rs': '' })).toEqual([
      'lib:my_pkg:src/lib.rs:my_pkg',
      'bin:my-pkg:src/main.rs:my_pkg'
    ])
  })

  it('finds src/bin/*.rs and src/bin/*/main.rs, skipping dotfiles', async () => {
    expect(
      await targetsOf({
        'Cargo.toml': MANIFEST,
        'src/bin/a-tool.rs': RS,
        'src/bin/b/main.rs': RS,
        'src/bin/.hidden.rs': RS,
        'src/bin/c/other.rs': RS
      })
    ).toEqual(['bin:a-tool:src/bin/a-tool.rs:a_tool', 'bin:b:src/bin/b/main.rs:b'])
  })

  it('finds examples, tests and benches', async () => {
    expect(
      await targetsOf({
        'Cargo.toml': MANIFEST,
        'src/lib.rs': '',
        'examples/demo.rs': RS,
        'tests/it.rs': '',
        'benches/speed.rs': ''
      })
    ).toEqual([
      'lib:my_pkg:src/lib.rs:my_pkg',
      'example:demo:examples/demo.rs:demo',
      'test:it:tests/it.rs:it',
      'bench:speed:benches/speed.rs:speed'
    ])
  })

  it('lets [lib] and [[bin]] set paths, and drops inferred targets with the same name or path', async () => {
    const manifest = `${MANIFEST}[lib]\npath = "lib/core.rs"\n[[bin]]\nname = "cli"\npath = "src/main.rs"\n`
    expect(
      await targetsOf({
        'Cargo.toml': manifest,
        'lib/core.rs': '',
        'src/main.rs': RS,
        'src/bin/extra.rs': RS
      })
    ).toEqual([
      'lib:my_pkg:lib/core.rs:my_pkg',
      'bin:cli:src/main.rs:cli',
      'bin:extra:src/bin/extra.rs:extra'
    ])
  })

  it('2014 format: a [[bin]] without path is src/bin/NAME.rs with a lib, src/NAME.rs without', async () => {
    const withLib = '[package]\nname = "p"\nversion = "0.1.0"\n[[lib]]\nname = "p"\n[[bin]]\nname = "hiya"\n'
    expect(
      await targetsOf({ 'Cargo.toml': withLib, 'src/lib.rs': '', 'src/bin/hiya.rs': RS, 'src/hiya.rs': RS })
    ).toEqual(['lib:p:src/lib.rs:p', 'bin:hiya:src/bin/hiya.rs:hiya'])
    const noLib = '[package]\nname = "p"\nversion = "0.1.0"\nbuild = "make"\n[[bin]]\nname = "hiya"\n'
    expect(await targetsOf({ 'Cargo.toml': noLib, 'src/hiya.rs': RS, 'src/main.rs': RS })).toEqual([
      'bin:hiya:src/hiya.rs:hiya'
    ])
  })

  it('2014 format: a [[bin]] with a lib and no src/bin/NAME.rs is an error naming where it looked', async () => {
    const e = await failure({
      'Cargo.toml':
        '[package]\nname = "p"\nversion = "0.1.0"\n[[lib]]\nname = "p"\n\n[[bin]]\nname = "gone"\n',
      'src/lib.rs': '',
      'src/main.rs': RS
    })
    expect(e.message).toMatch(
      /Can't find the `gone` bin at `src\/bin\/gone\.rs` or `src\/bin\/gone\/main\.rs`/
    )
    expect(e.details.line).toBe(7)
  })

  it('uses edition 2015 legacy paths with a warning outside the 2014 format', async () => {
    const b = project()
      .file('Cargo.toml', '[package]\nname = "p"\nversion = "0.1.0"\n[[bin]]\nname = "tool"\n')
      .file('src/tool.rs', RS)
    const p = await b.build()
    const pkg = await loadPackage(p.manifest)
    expect(pkg.targets.map((t) => t.srcPath.slice(p.root.length + 1))).toEqual(['src/tool.rs'])
    expect(pkg.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/erroneously implicitly accepted for bin `tool`/)
    )
  })

  it('reports a package without any crate', async () => {
    const e = await failure({ 'Cargo.toml': MANIFEST, 'README.md': '' })
    expect(e.message).toMatch(/has no crate: there is no library and no binary/)
    expect(e.details.hint).toMatch(/src\/main\.rs or src\/lib\.rs/)
  })

  it('reports duplicate binary names with the line of the second', async () => {
    const e = await failure({
      'Cargo.toml': `${MANIFEST}\n[[bin]]\nname = "x"\npath = "a.rs"\n\n[[bin]]\nname = "x"\npath = "b.rs"\n`,
      'a.rs': RS,
      'b.rs': RS
    })
    expect(e.message).toMatch(/duplicate bin name `x`/)
    expect(e.details.line).toBe(10)
  })

  it('rejects library names with hyphens and binaries named like build directories', async () => {
    expect(
      (await failure({ 'Cargo.toml': `${MANIFEST}[lib]\nname = "a-b"\n`, 'src/lib.rs': '' })).message
    ).toMatch(/cannot contain hyphens/)
    expect(
      (
        await failure({
          'Cargo.toml': `${MANIFEST}[[bin]]\nname = "deps"\npath = "src/main.rs"\n`,
          'src/main.rs': RS
        })
      ).message
    ).toMatch(/conflicts with cargo's build directory names/)
  })

  it('reports a missing library file', async () => {
    const e = await failure({ 'Cargo.toml': `${MANIFEST}[lib]\nname = "x"\n`, 'src/main.rs': RS })
    expect(e.message).toMatch(/Can't find library `x`/)
  })

  it('finds build.rs as the build script unless build = false', async () => {
    const p = await project()
      .file('Cargo.toml', MANIFEST)
      .file('src/main.rs', RS)
      .file('build.rs', RS)
      .build()
    expect((await loadPackage(p.manifest)).buildScript).toBe(p.path('build.rs'))
    const q = await project()
      .file('Cargo.toml', `${MANIFEST}build = false\n`)
      .file('src/main.rs', RS)
      .file('build.rs', RS)
      .build()
    expect((await loadPackage(q.manifest)).buildScript).toBeUndefined()
  })
})

describe('paths and build strings', () => {
  it('keeps absolute target paths absolute', async () => {
    const elsewhere = await project().file('tool.rs', RS).build()
    const p = await project()
      .file('Cargo.toml', `${MANIFEST}[[bin]]\nname = "far"\npath = "${elsewhere.path('tool.rs')}"\n`)
      .build()
    const pkg = await loadPackage(p.manifest)
    expect(pkg.targets.map((t) => t.srcPath)).toEqual([elsewhere.path('tool.rs')])
  })

  it('treats build = "<non-executable file>" as a build script, and anything else as a 2014 command', async () => {
    const script = await project()
      .file('Cargo.toml', `${MANIFEST}build = "tools/gen"\n`)
      .file('tools/gen', 'fn main() {}\n')
      .file('src/main.rs', RS)
      .build()
    const pkg = await loadPackage(script.manifest)
    expect(pkg.buildScript).toBe(script.path('tools/gen'))
    expect(pkg.manifest.format).toBe('current')
    const command = await project()
      .file('Cargo.toml', `${MANIFEST}build = "./gen.sh"\n`)
      .executable('gen.sh', '#!/bin/sh\n')
      .file('src/main.rs', RS)
      .build()
    const legacy = await loadPackage(command.manifest)
    expect(legacy.manifest.package.build).toEqual({ type: 'command', command: './gen.sh' })
    expect(legacy.buildScript).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import type { BuildScriptContext } from '../../../../../src/main/engine/compiler/build-script/build-output'
import { parseBuildScriptOutput } from '../../../../../src/main/engine/compiler/build-script/directives'
import { EngineError } from '../../../../../src/main/engine/errors'

const DESCR = 'p v0.1.0 (/work/p)'
const WHENCE = `build script of \`${DESCR}\``
const ctx = (over: Partial<BuildScriptContext> = {}): BuildScriptContext => ({
  packageDescr: DESCR,
  targets: [
    { kind: 'lib', name: 'p', crateTypes: ['lib'] },
    { kind: 'bin', name: 'p', crateTypes: ['bin'] }
  ],
  ...over
})
const parse = (text: string, over: Partial<BuildScriptContext> = {}) =>
  parseBuildScriptOutput(text, ctx(over))
const failure = (text: string, over: Partial<BuildScriptContext> = {}): EngineError => {
  try {
    parse(text, over)
  } catch (e) {
    if (e instanceof EngineError) return e
    throw e
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`)
}

describe('parseBuildScriptOutput: both syntaxes', () => {
  it('reads every instruction in the new syntax', () => {
    const out = parse(
      [
        'cargo::rustc-link-lib=static:+whole-archive=foo:bar',
        'cargo::rustc-link-search=native=/opt/lib',
        'cargo::rustc-link-arg=-Wl,-z,now',
        'cargo::rustc-link-arg-bins=-bins',
        'cargo::rustc-link-arg-bin=p=--only-p',
        'cargo::rustc-cdylib-link-arg=-cd',
        'cargo::rustc-cfg=has_foo',
        'cargo::rustc-cfg=api="2"',
        'cargo::rustc-check-cfg=cfg(has_foo)',
        'cargo::rustc-env=GREETING=hello=world',
        'cargo::warning=look out',
        'cargo::error=broken',
        'cargo::rerun-if-changed=src/x.c',
        'cargo::rerun-if-env-changed=CC',
        'cargo::metadata=include=/opt/include'
      ].join('\n')
    )
    expect(out.libraryLinks).toEqual([
      {
        value: 'static:+whole-archive=foo:bar',
        kind: 'static',
        modifiers: '+whole-archive',
        name: 'foo',
        rename: 'bar'
      }
    ])
    expect(out.libraryPaths).toEqual([
      { value: 'native=/opt/lib', kind: 'native', path: '/opt/lib', inOutDir: false }
    ])
    expect(out.linkerArgs).toEqual([
      { target: { type: 'all' }, arg: '-Wl,-z,now' },
      { target: { type: 'bins' }, arg: '-bins' },
      { target: { type: 'bin', bin: 'p' }, arg: '--only-p' },
      { target: { type: 'cdylib' }, arg: '-cd' }
    ])
    expect(out.cfgs).toEqual(['has_foo', 'api="2"'])
    expect(out.checkCfgs).toEqual(['cfg(has_foo)'])
    expect(out.env).toEqual([{ key: 'GREETING', value: 'hello=world' }])
    // In line order: the cdylib warning (this package has no cdylib) comes from line 6.
    expect(out.logMessages.map((m) => [m.severity, m.message.split('\n')[0]])).toEqual([
      [
        'warning',
        `cargo::rustc-cdylib-link-arg was specified in the build script of ${DESCR}, but that package does not contain a cdylib target`
      ],
      ['warning', 'look out'],
      ['error', 'broken']
    ])
    expect(out.rerunIfChanged).toEqual(['src/x.c'])
    expect(out.rerunIfEnvChanged).toEqual(['CC'])
    expect(out.metadata).toEqual([{ key: 'include', value: '/opt/include' }])
  })

  it('reads the old syntax, where any other key is links metadata (even error=)', () => {
    const out = parse(
      [
        'cargo:rustc-link-lib=z',
        'cargo:rustc-cfg=old',
        'cargo:warning=w',
        'cargo:include=/inc',
        'cargo:error=not-an-error',
        'cargo:metadata=k=v',
        'cargo:root=a=b'
      ].join('\n')
    )
    expect(out.libraryLinks).toEqual([{ value: 'z', name: 'z' }])
    expect(out.cfgs).toEqual(['old'])
    expect(out.logMessages).toEqual([{ severity: 'warning', message: 'w' }])
    expect(out.metadata).toEqual([
      { key: 'include', value: '/inc' },
      { key: 'error', value: 'not-an-error' },
      { key: 'metadata', value: 'k=v' },
      { key: 'root', value: 'a=b' }
    ])
  })

  it('ignores other lines, trims lines and the ends of values, keeps leading value space', () => {
    const out = parse('hello\n  cargo::warning=  spaced  \r\ncargo\nCargo:rustc-cfg=x\ncargo :rustc-cfg=y\n')
    expect(out.logMessages).toEqual([{ severity: 'warning', message: '  spaced' }])
    expect(out.cfgs).toEqual([])
  })

  it('skips lines that were not UTF-8', () => {
    expect(parse('cargo::rustc-cfg=a\uFFFD\ncargo::rustc-cfg=b').cfgs).toEqual(['b'])
  })

  it('marks search paths inside OUT_DIR and rewrites a moved OUT_DIR', () => {
    const out = parse('cargo::rustc-link-search=native=/old/out/lib\ncargo::rustc-link-search=/old/out2\nx', {
      outDir: '/new/out',
      outDirWhenGenerated: '/old/out'
    })
    expect(out.libraryPaths).toEqual([
      { value: 'native=/new/out/lib', kind: 'native', path: '/new/out/lib', inOutDir: true },
      { value: '/new/out2', path: '/new/out2', inOutDir: false }
    ])
  })

  it('treats an unknown prefix of a search path as part of the path', () => {
    expect(parse('cargo::rustc-link-search=weird=/x').libraryPaths[0]).toEqual({
      value: 'weird=/x',
      path: 'weird=/x',
      inOutDir: false
    })
  })
})

describe('parseBuildScriptOutput: rustc-flags', () => {
  it('accepts -l and -L, attached or separate', () => {
    const out = parse('cargo:rustc-flags=-lfoo -l bar  -L/a -L native=/b')
    expect(out.libraryLinks.map((l) => l.value)).toEqual(['foo', 'bar'])
    expect(out.libraryPaths.map((p) => [p.kind, p.path])).toEqual([
      [undefined, '/a'],
      ['native', '/b']
    ])
  })

  it('rejects other flags, with cargo’s wording', () => {
    const e = failure('cargo::rustc-flags=-lfoo -X bar')
    expect(e.message).toBe(`only \`-l\` and \`-L\` flags are allowed in ${WHENCE}: \`-lfoo -X bar\``)
    expect(e.code).toBe('build-failed')
  })

  it('rejects a flag without value', () => {
    expect(failure('cargo::rustc-flags=-l').message).toBe(`flag in rustc-flags has no value in ${WHENCE}: `)
  })
})

describe('parseBuildScriptOutput: errors', () => {
  it('names the package and the line, and points at the saved output', () => {
    const e = failure('ok\ncargo:foo', { file: '/t/output' })
    expect(e.message).toBe(
      `invalid output in ${WHENCE}: \`cargo:foo\`\nExpected a line with \`cargo:KEY=VALUE\` with an \`=\` character, but none was found.`
    )
    expect([e.details.file, e.details.line]).toEqual(['/t/output', 2])
    expect(e.details.hint).toContain('build-scripts.html#outputs-of-the-build-script')
  })

  it('rejects unknown keys and missing = in the new syntax', () => {
    expect(failure('cargo::foo=bar').message).toBe(
      `invalid output in ${WHENCE}: \`cargo::foo=bar\`\nUnknown key: \`foo\`.`
    )
    expect(failure('cargo::warning').message).toContain('Expected a line with `cargo::KEY=VALUE`')
    expect(failure('cargo::metadata=ab').message).toContain(
      'Expected a line with `cargo::metadata=KEY=VALUE`'
    )
  })

  it('rejects rustc-env without value and setting RUSTC_BOOTSTRAP', () => {
    expect(failure('cargo::rustc-env=FOO').message).toBe(`Variable rustc-env has no value in ${WHENCE}: FOO`)
    const e = failure('cargo::rustc-env=RUSTC_BOOTSTRAP=1')
    expect(e.message).toContain(`cannot set \`RUSTC_BOOTSTRAP=1\` from ${WHENCE}.`)
    expect(e.message).toContain(
      'set the environment variable `RUSTC_BOOTSTRAP=1` before running cargo instead.'
    )
  })

  it('only warns about RUSTC_BOOTSTRAP on nightly or when cargo’s RUSTC_BOOTSTRAP names the library', () => {
    const line = 'cargo::rustc-env=RUSTC_BOOTSTRAP=1'
    expect(parse(line, { nightlyFeaturesAllowed: true }).logMessages[0]?.severity).toBe('warning')
    expect(parse(line, { libraryName: 'p', rustcBootstrapEnv: 'x,p' }).env).toEqual([])
    expect(failure(line, { libraryName: 'p', rustcBootstrapEnv: 'x' }).message).toContain(
      'RUSTC_BOOTSTRAP=p`'
    )
  })

  it('checks link-arg instructions against the package’s targets', () => {
    expect(failure('cargo::rustc-link-arg-tests=x').message).toBe(
      `invalid instruction \`cargo::rustc-link-arg-tests\` from ${WHENCE}\nThe package ${DESCR} does not have a test target.`
    )
    expect(failure('cargo:rustc-link-arg-benches=x').message).toContain('does not have a benchmark target.')
    expect(failure('cargo::rustc-link-arg-bin=x').message).toBe(
      `invalid instruction \`cargo::rustc-link-arg-bin=x\` from ${WHENCE}\nThe instruction should have the form cargo::rustc-link-arg-bin=BIN=ARG`
    )
    expect(failure('cargo::rustc-link-arg-bin=nope=x').message).toContain(
      'does not have a bin target with the name `nope`.'
    )
    expect(
      failure('cargo::rustc-link-arg-bins=x', { targets: [{ kind: 'lib', name: 'p', crateTypes: ['lib'] }] })
        .message
    ).toContain('does not have a bin target.')
  })

  it('does not warn about cdylib args when the lib is a cdylib', () => {
    const out = parse('cargo::rustc-link-arg-cdylib=x', {
      targets: [{ kind: 'lib', name: 'p', crateTypes: ['cdylib'] }]
    })
    expect(out.logMessages).toEqual([])
    expect(out.linkerArgs).toEqual([{ target: { type: 'cdylib' }, arg: 'x' }])
  })
})

describe('parseBuildScriptOutput: rust-version and the cargo:: syntax', () => {
  it('refuses cargo:: when rust-version is below 1.77, suggesting the old form', () => {
    const e = failure('cargo::rustc-cfg=foo', { rustVersion: '1.70' })
    expect(e.message).toBe(
      `the \`cargo::\` syntax for build script output instructions was added in Rust 1.77.0, but the minimum supported Rust version of \`${DESCR}\` is 1.70.\nSwitch to the old \`cargo:rustc-cfg=foo\` syntax (note the single colon).`
    )
    expect(failure('cargo::metadata=a=b', { rustVersion: '1.76.9' }).message).toContain(
      'Switch to the old `cargo:a=b` syntax instead of `cargo::metadata=a=b` (note the single colon).'
    )
    expect(failure('cargo::foo=b', { rustVersion: '1.70' }).message).toMatch(/is 1\.70\.$/)
  })

  it('accepts cargo:: from 1.77 on, and old syntax at any rust-version', () => {
    expect(parse('cargo::rustc-cfg=a', { rustVersion: '1.77' }).cfgs).toEqual(['a'])
    expect(parse('cargo::rustc-cfg=a', { rustVersion: '1.80.1' }).cfgs).toEqual(['a'])
    expect(parse('cargo:rustc-cfg=a', { rustVersion: '1.60' }).cfgs).toEqual(['a'])
  })
})

import { describe, expect, it } from 'vitest'
import type { ManifestProblem } from '../../../../../src/shared/models/manifest-edit'
import {
  analyzeManifestText,
  applyManifestEdits
} from '../../../../../src/main/engine/manifest/edit/manifest-editor'

const FILE = '/p/Cargo.toml'
const PKG = '[package]\nname = "demo"\nversion = "0.1.0"\nedition = "2021"\n'

function problems(text: string): ManifestProblem[] {
  const a = analyzeManifestText(text, FILE)
  expect(a.syntaxError).toBeUndefined()
  return [...a.problems]
}

function errorsAt(text: string): [string, number | undefined, string][] {
  return problems(text)
    .filter((p) => p.severity === 'error')
    .map((p) => [JSON.stringify(p.path), p.line, p.message])
}

describe('analyzeManifestText', () => {
  it('returns a syntax error instead of throwing, and no view', () => {
    const a = analyzeManifestText(`${PKG}deps = [1,\n`, FILE)
    expect(a.view).toBeUndefined()
    expect(a.syntaxError?.line).toBeGreaterThan(0)
    expect(a.syntaxError?.column).toBeGreaterThan(0)
    expect(a.syntaxError!.message).toContain(FILE)
    expect(a.text).toBe(`${PKG}deps = [1,\n`)
  })

  it('reports duplicate keys as syntax errors with their line', () => {
    const a = analyzeManifestText(`${PKG}name = "again"\n`, FILE)
    expect(a.syntaxError?.line).toBe(5)
  })

  it('gives the document as plain JSON: dates as text, big integers as strings, __proto__ as data', () => {
    const a = analyzeManifestText(
      `${PKG}\n[package.metadata]\nwhen = 1979-05-27T07:32:00Z\nday = 1979-05-27\nbig = 9007199254740993\nsmall = 42\nratio = 0.5\n"__proto__" = { polluted = true }\nlist = [1, "x", { a = 1 }]\n`,
      FILE
    )
    const meta = (a.view!.document.package as Record<string, Record<string, unknown>>).metadata!
    expect(meta.when).toBe('1979-05-27T07:32:00Z')
    expect(meta.day).toBe('1979-05-27')
    expect(meta.big).toBe('9007199254740993')
    expect(meta.small).toBe(42)
    expect(meta.ratio).toBe(0.5)
    expect(Object.keys(meta)).toContain('__proto__')
    expect(Object.hasOwn(meta, '__proto__')).toBe(true)
    expect(meta.__proto__).toEqual({ polluted: true })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(meta.list).toEqual([1, 'x', { a: 1 }])
    // Survives IPC (structured clone) and JSON unchanged.
    expect(JSON.parse(JSON.stringify(a.view!.document))).toEqual(
      JSON.parse(JSON.stringify(structuredClone(a.view!.document)))
    )
  })

  it('knows the line of every key path, including arrays of tables and inline tables', () => {
    const a = analyzeManifestText(
      `${PKG}\n[dependencies]\nserde = { version = "1", features = ["derive"] }\nfoo.version = "2"\n\n[[bin]]\nname = "a"\n\n[[bin]]\nname = "b"\n\n[target.'cfg(unix)'.dependencies]\nlibc = "0.2"\n`,
      FILE
    )
    const lines = a.view!.lines
    const at = (...path: (string | number)[]) => lines[JSON.stringify(path)]
    expect(at('package')).toBe(1)
    expect(at('package', 'version')).toBe(3)
    expect(at('dependencies')).toBe(6)
    expect(at('dependencies', 'serde', 'features')).toBe(7)
    expect(at('dependencies', 'serde', 'features', 0)).toBe(7)
    expect(at('dependencies', 'foo')).toBe(8)
    expect(at('dependencies', 'foo', 'version')).toBe(8)
    expect(at('bin', 0)).toBe(10)
    expect(at('bin', 1, 'name')).toBe(14)
    expect(at('target', 'cfg(unix)', 'dependencies', 'libc')).toBe(17)
    expect(at('target')).toBe(16)
  })

  it('tells the 2014 format from today’s and gives the raw sections’ text', () => {
    const legacy = analyzeManifestText(
      '[package]\nname = "x"\nversion = "0.1.0"\nbuild = "make"\n\n[[lib]]\nname = "x"\n',
      FILE
    )
    expect(legacy.view!.format).toBe('2014')
    const current = analyzeManifestText(
      `${PKG}\n# ours\n[patch.crates-io]\nfoo = { path = "../foo" }\n\n[lints.rust]\nunsafe_code = "forbid"\n`,
      FILE
    )
    expect(current.view!.format).toBe('current')
    expect(current.view!.rawSections).toEqual({
      patch: '[patch.crates-io]\nfoo = { path = "../foo" }\n',
      lints: '[lints.rust]\nunsafe_code = "forbid"\n'
    })
  })

  it('keeps the BOM in the text it returns', () => {
    expect(analyzeManifestText(`\uFEFF${PKG}`, FILE).text).toBe(`\uFEFF${PKG}`)
  })
})

describe('field problems, with cargo’s rules', () => {
  it('checks the package name, version and edition', () => {
    expect(errorsAt('[package]\nname = "fn"\nversion = "1.0"\nedition = "2020"\n')).toEqual([
      ['["package","name"]', 2, 'Invalid package name `fn`: it is a Rust keyword.'],
      ['["package","version"]', 3, 'Invalid version `1.0`: expected MAJOR.MINOR.PATCH, for example `0.1.0`.'],
      ['["package","edition"]', 4, 'Unknown edition `2020`: use one of "2015", "2018", "2021", "2024".']
    ])
  })

  it('checks dependency requirements in cargo’s syntax, in every table', () => {
    const errs = errorsAt(
      `${PKG}\n[dependencies]\na = "1.x"\nb = ">=1 || <2"\nc = { version = "v1" }\n\n[target.'cfg(unix)'.dev-dependencies]\nd = "1 - 2"\n`
    )
    expect(errs.map(([path, line]) => [path, line])).toEqual([
      ['["dependencies","b"]', 8],
      ['["dependencies","c","version"]', 9],
      ['["target","cfg(unix)","dev-dependencies","d"]', 12]
    ])
    expect(errs[0]![2]).toMatch(/^Invalid version requirement `>=1 \|\| <2`/)
    // cargo accepts `1.x` (its semver crate treats x as a wildcard): a note, not an error.
    expect(problems(`${PKG}\n[dependencies]\na = "1.x"\n`)).toEqual([
      {
        path: ['dependencies', 'a'],
        line: 7,
        severity: 'warning',
        message: '`1.x` uses `x` as a wildcard: cargo accepts it, but `*` is the documented spelling (`1.*`).'
      }
    ])
  })

  it('checks sources: one of git or path, one of branch, tag or rev, and some source at all', () => {
    const errs = errorsAt(
      `${PKG}\n[dependencies]\na = { git = "https://x/a", path = "../a" }\nb = { git = "https://x/b", branch = "main", tag = "v1" }\nc = { features = ["x"] }\n`
    )
    expect(errs).toEqual([
      [
        '["dependencies","a","git"]',
        7,
        'Dependency `a` is ambiguous: only one of `git` or `path` is allowed.'
      ],
      [
        '["dependencies","b","tag"]',
        8,
        'Dependency `b` is ambiguous: only one of `branch`, `tag` or `rev` is allowed.'
      ],
      [
        '["dependencies","c"]',
        9,
        'Dependency `c` has no source: give it a `version`, a `path` or a `git` URL.'
      ]
    ])
  })

  it('checks targets: one library, named targets, unique names', () => {
    const errs = errorsAt(
      '[package]\nname = "x"\nversion = "0.1.0"\n\n[[lib]]\nname = "a"\n\n[[lib]]\nname = "b"\n\n[[bin]]\nname = "t"\n\n[[bin]]\nname = "t"\n\n[[example]]\npath = "e.rs"\n'
    )
    expect(errs).toEqual([
      [
        '["lib",1]',
        8,
        'A package can have at most one library, but this manifest declares 2 `[[lib]]` sections.'
      ],
      [
        '["bin",1,"name"]',
        15,
        'Found duplicate binary name `t`, but all binary targets must have a unique name.'
      ],
      ['["example",0]', 17, 'A [[example]] target has no `name`: add `name = "…"`.']
    ])
  })

  it('checks that features refer to features and dependencies that exist', () => {
    const errs = errorsAt(
      `${PKG}\n[dependencies]\nreq = "1"\nopt = { version = "1", optional = true }\nhidden = { version = "1", optional = true }\n\n[features]\na = ["nope"]\nb = ["dep:missing"]\nc = ["missing/x"]\nd = ["req?/x"]\ne = ["dep:req"]\nf = ["req", "opt", "opt/x", "opt?/y", "req/z", "a"]\ng = ["dep:hidden"]\nh = ["hidden"]\n`
    )
    expect(errs.map(([path, , m]) => [path, m.split(':')[0]])).toEqual([
      [
        '["features","a",0]',
        'Feature `a` includes `nope`, which is neither a dependency nor another feature.'
      ],
      ['["features","b",0]', 'Feature `b` includes `dep'],
      ['["features","c",0]', 'Feature `c` includes `missing/x`, but `missing` is not a dependency.'],
      [
        '["features","d",0]',
        'Feature `d` includes `req?/x` with a `?`, but `req` is not an optional dependency'
      ],
      ['["features","e",0]', 'Feature `e` includes `dep'],
      ['["features","f",0]', 'Feature `f` includes `req`, but `req` is not an optional dependency'],
      [
        '["features","h",0]',
        'Feature `h` includes `hidden`, but `hidden` is an optional dependency without an implicit feature'
      ]
    ])
  })

  it('finds an optional dependency no feature reaches', () => {
    const errs = errorsAt(
      `${PKG}\n[dependencies]\nserde = { version = "1", optional = true }\n\n[features]\nserde = ["std"]\nstd = []\n`
    )
    expect(errs).toEqual([
      [
        '["dependencies","serde"]',
        7,
        'Optional dependency `serde` is not included in any feature: add `dep:serde` to one of the features in [features].'
      ]
    ])
  })

  it('keeps the reader’s warnings: unused keys, a missing edition', () => {
    const ps = problems(
      '[package]\nname = "x"\nversion = "0.1.0"\nfavourite-colour = "green"\n\n[dependencies]\na = { version = "1", frobnicate = true }\n'
    )
    expect(
      ps.filter((p) => p.severity === 'warning').map((p) => [JSON.stringify(p.path), p.line, p.message])
    ).toEqual([
      ['["package"]', 1, 'no edition set: defaulting to the 2015 edition while the latest is 2024'],
      ['["package","favourite-colour"]', 4, 'unused manifest key: package.favourite-colour'],
      ['["dependencies","a","frobnicate"]', 7, 'unused manifest key: dependencies.a.frobnicate']
    ])
  })

  it('turns the reader’s first error into a problem (a type error here)', () => {
    const ps = problems(`${PKG}\n[profile.release]\nopt-level = 9\n`)
    expect(ps).toEqual([
      {
        path: ['profile', 'release', 'opt-level'],
        line: 7,
        severity: 'error',
        message: '`opt-level` must be 0, 1, 2, 3, "s" or "z", not `9`.'
      }
    ])
  })

  it("reports an inherited field with no workspace above it as an error, in cargo's words", () => {
    const ps = problems('[package]\nname = "x"\nversion.workspace = true\n')
    expect(ps).toHaveLength(1)
    expect(ps[0]).toMatchObject({ severity: 'error', line: 3 })
    expect(ps[0]?.message).toMatch(
      /^error inheriting `version` from workspace root manifest's `workspace.package.version`/
    )
  })

  it('is quiet about a clean manifest and a virtual workspace', () => {
    expect(problems(`${PKG}\n[dependencies]\nserde = { version = "1.0", features = ["derive"] }\n`)).toEqual(
      []
    )
    expect(problems('[workspace]\nmembers = ["a", "b"]\n')).toEqual([])
  })

  it('is what applyManifestEdits returns for the new text', () => {
    const a = applyManifestEdits(PKG, FILE, [{ op: 'set', path: ['package', 'version'], value: 'v2' }])
    expect(a.problems).toEqual([
      {
        path: ['package', 'version'],
        line: 3,
        severity: 'error',
        message: 'Invalid version `v2`: remove the leading `v` (for example `2`).'
      }
    ])
  })
})

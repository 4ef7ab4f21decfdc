/**
 * The manifest reader on generated input: whatever the text, it returns a manifest or throws
 * its own `EngineError` (with the file, and a line when it has one) — never a TypeError, a
 * RangeError or a stack overflow. Inputs are random text, and random TOML documents shaped like
 * manifests (the real tables, with values of every type where strings, tables and arrays go).
 * Counterexamples fast-check found are kept as fixed regression cases (REGRESSIONS).
 */
import fc from 'fast-check'
import { stringify } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import { isEngineError } from '../../../../src/main/engine/errors'
import { parseManifestText } from '../../../../src/main/engine/manifest/read-manifest'

const FILE = '/p/Cargo.toml'
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) }

/** Returns normally or throws an EngineError that names the file; anything else fails. */
function readsCleanly(text: string): void {
  try {
    parseManifestText(text, FILE)
  } catch (e) {
    if (!isEngineError(e)) throw new Error(`not an EngineError: ${String(e)}\n${text.slice(0, 500)}`)
    expect(e.details.file ?? e.message).toContain(FILE)
  }
}

const key = fc.oneof(
  fc.constantFrom(
    'name',
    'version',
    'edition',
    'path',
    'features',
    'optional',
    'git',
    'branch',
    'tag',
    'rev'
  ),
  fc.constantFrom('default', 'crate-type', 'required-features', 'workspace', 'package', 'registry', 'build'),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
  fc.string({ minLength: 1, maxLength: 8 })
)

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 12 }),
    fc.constantFrom('1.0.0', '0.1.0', '^1', '2021', '2024', 'dep:x', 'x/y', 'x?/y', '*', '', '1.2'),
    fc.integer(),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(key, tie('v'), { maxKeys: 3 })
  )
})).v

/** Mostly well-formed pieces with the odd wrong type, so the reader gets past its first check. */
const sometimes = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: value, weight: 1 })
/** A good value mostly, a bad one of the right type now and then. */
const mostly = <T>(good: readonly T[], bad: readonly T[]) =>
  sometimes(
    fc.oneof(
      { arbitrary: fc.constantFrom(...good), weight: 12 },
      { arbitrary: fc.constantFrom(...bad), weight: 1 }
    )
  )
const depName = fc.constantFrom('serde', 'x', 'y', '__proto__', 'constructor', 'a-b', 'a_b')
const depSpec = sometimes<unknown>(
  fc.oneof(
    fc.constantFrom('1', '^1.2', '=0.1.0', '*', '>=1, <2', '1.2.3-alpha.1'),
    fc.record(
      {
        version: sometimes(fc.constantFrom('1', '0.1', '^^1', '')),
        path: sometimes(fc.constantFrom('x', '../y', '.')),
        optional: sometimes(fc.boolean()),
        features: sometimes(fc.array(fc.constantFrom('std', 'derive', '', 'a/b'), { maxLength: 3 })),
        'default-features': sometimes(fc.boolean()),
        package: sometimes(fc.constantFrom('real', 'x')),
        git: sometimes(fc.constantFrom('https://example.com/r', '-x', 'ext::sh')),
        branch: sometimes(fc.constantFrom('main', '-b', 'a..b'))
      },
      { requiredKeys: [] }
    )
  )
)
const featureRef = fc.constantFrom(
  'std',
  'x',
  'dep:x',
  'x/std',
  'x?/std',
  'serde',
  'dep:serde',
  '__proto__',
  'y/z',
  ''
)
const targetTable = fc.record(
  {
    name: sometimes(fc.constantFrom('x', 'my-bin', '')),
    path: sometimes(fc.constantFrom('src/x.rs', '../out.rs', '')),
    'crate-type': sometimes(fc.array(fc.constantFrom('rlib', 'cdylib', 'bin', 'weird'), { maxLength: 2 })),
    'required-features': sometimes(fc.array(featureRef, { maxLength: 2 })),
    harness: sometimes(fc.boolean()),
    edition: sometimes(fc.constantFrom('2015', '2021', '2099'))
  },
  { requiredKeys: [] }
)

/** A manifest-shaped document: the real tables, mostly well formed, each with surprises. */
const manifestDoc = fc.record(
  {
    package: fc.record(
      {
        name: mostly(['p', 'my-pkg'], ['bad name', '']),
        version: mostly(['0.1.0', '1.0.0-rc.1'], ['1.2', 'x']),
        edition: mostly(['2015', '2018', '2021', '2024'], ['2099']),
        build: mostly(['build.rs', 'make'], ['']),
        links: mostly(['z'], ['']),
        'rust-version': mostly(['1.70'], ['1.x', '']),
        'default-run': sometimes(fc.constantFrom('x', 'nope')),
        extra: fc.constantFrom(1)
      },
      { requiredKeys: ['name', 'version'] }
    ),
    lib: targetTable,
    bin: fc.array(targetTable, { maxLength: 2 }),
    test: fc.array(targetTable, { maxLength: 1 }),
    dependencies: fc.dictionary(depName, depSpec, { maxKeys: 3 }),
    'dev-dependencies': fc.dictionary(depName, depSpec, { maxKeys: 2 }),
    'build-dependencies': fc.dictionary(depName, depSpec, { maxKeys: 2 }),
    target: fc.dictionary(
      fc.constantFrom('cfg(unix)', 'cfg(windows)', 'x86_64-unknown-linux-gnu', 'cfg(', ''),
      fc.record({ dependencies: fc.dictionary(depName, depSpec, { maxKeys: 2 }) }),
      { maxKeys: 2 }
    ),
    features: fc.dictionary(
      fc.constantFrom('default', 'std', 'x', '__proto__', 'a/b'),
      sometimes(fc.array(featureRef, { maxLength: 3 })),
      { maxKeys: 3 }
    ),
    profile: fc.dictionary(
      fc.constantFrom('dev', 'release', 'custom', ''),
      fc.dictionary(
        fc.constantFrom('opt-level', 'debug', 'lto', 'inherits', 'panic', 'codegen-units', 'strip'),
        value,
        { maxKeys: 3 }
      ),
      { maxKeys: 2 }
    ),
    patch: fc.dictionary(
      fc.constantFrom('crates-io', 'https://example.com/r'),
      fc.dictionary(depName, depSpec, { maxKeys: 2 }),
      {
        maxKeys: 1
      }
    ),
    replace: fc.dictionary(fc.constantFrom('x:1.0.0', 'bad spec'), depSpec, { maxKeys: 1 }),
    lints: value
  },
  { requiredKeys: ['package'] }
)

/** Inputs fast-check once found to break the reader, kept so they stay fixed. */
const REGRESSIONS: readonly string[] = []

describe('the manifest reader on generated input', () => {
  it('throws only its own errors on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), readsCleanly), RUNS)
  })

  it('throws only its own errors on manifest-shaped documents of any types', () => {
    fc.assert(
      fc.property(manifestDoc, (doc) => {
        let text: string
        try {
          text = stringify(doc)
        } catch {
          return // not representable as TOML
        }
        readsCleanly(text)
      }),
      RUNS
    )
  })

  it('keeps the regressions fixed', () => {
    for (const text of REGRESSIONS) readsCleanly(text)
  })
})

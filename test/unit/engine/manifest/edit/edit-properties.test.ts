/**
 * Properties of the editor over generated manifests (varied spacing, quoting, comments, blank
 * lines, CRLF, a BOM, awkward strings): a no-op is byte-identical; a `set` changes only the
 * lines of its key; every result re-parses (with smol-toml, an independent parser) to exactly
 * the intended document; adding then removing a dependency gives the bytes back.
 *
 * Counterexamples fast-check found while the editor was written are kept as fixed regression
 * cases at the end (see REGRESSIONS).
 */
import fc from 'fast-check'
import { parse } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import type {
  DependencySpec,
  KeyPath,
  ManifestEdit,
  TomlJson
} from '../../../../../src/shared/models/manifest-edit'
import {
  analyzeManifestText,
  applyManifestEdits
} from '../../../../../src/main/engine/manifest/edit/manifest-editor'
import { buildLayout, nodeAt } from '../../../../../src/main/engine/manifest/edit/layout'

const FILE = '/p/Cargo.toml'

const CHARS = [
  'a',
  'b',
  'z',
  ' ',
  '"',
  "'",
  '\\',
  '\n',
  '\t',
  'é',
  '😀',
  '#',
  '=',
  '[',
  '\u0001',
  '\u007f',
  '.'
]
const text = fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 12 })
const name = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/)
const version = fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)).map(([a, b, c]) => `${a}.${b}.${c}`)

/** A basic string as a person might write it (TOML escapes for what must be escaped). */
function quote(value: string): string {
  let out = ''
  for (const ch of value) {
    const c = ch.codePointAt(0)!
    if (ch === '"' || ch === '\\') out += `\\${ch}`
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`
    else out += ch
  }
  return `"${out}"`
}

interface Dep {
  readonly name: string
  readonly version: string
  readonly features: readonly string[]
  readonly inline: boolean
}

interface Generated {
  readonly text: string
  readonly deps: readonly Dep[]
  readonly newline: '\n' | '\r\n'
  /** Whether [dependencies] is the last section (its last line is then the file's). */
  readonly depsLast: boolean
}

const style = fc.record({
  eq: fc.constantFrom(' = ', '=', '  =  '),
  comment: fc.option(fc.constantFrom(' # note', '  # a = "b" [c]', '#x'), { nil: undefined }),
  blankBefore: fc.boolean(),
  commentLineBefore: fc.boolean()
})

const dep: fc.Arbitrary<Dep> = fc.record({
  name,
  version: fc.oneof(version, fc.constantFrom('1', '0.2', '^1.2', '>=1, <3', '~0.3')),
  features: fc.array(fc.constantFrom('std', 'derive', 'rc'), { maxLength: 2 }).map((f) => [...new Set(f)]),
  inline: fc.boolean()
})

const manifest: fc.Arbitrary<Generated> = fc
  .record({
    description: text,
    literalVersion: fc.boolean(),
    deps: fc.uniqueArray(dep, { selector: (d) => d.name, minLength: 1, maxLength: 6 }),
    sorted: fc.boolean(),
    styles: fc.array(style, { minLength: 12, maxLength: 12 }),
    profile: fc.boolean(),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    finalNewline: fc.boolean()
  })
  .map((g) => {
    const deps = g.sorted
      ? [...g.deps].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      : g.deps
    let i = 0
    const line = (key: string, value: string) => {
      const s = g.styles[i++ % g.styles.length]!
      return `${s.blankBefore ? '\n' : ''}${s.commentLineBefore ? '# about the next line\n' : ''}${key}${s.eq}${value}${s.comment ?? ''}\n`
    }
    const depValue = (d: Dep) =>
      d.inline || d.features.length
        ? `{ version = ${quote(d.version)}${d.features.length ? `, features = [${d.features.map(quote).join(', ')}]` : ''} }`
        : quote(d.version)
    let out =
      '[package]\n' +
      line('name', '"demo"') +
      line('version', g.literalVersion ? "'0.1.0'" : '"0.1.0"') +
      line('description', quote(g.description)) +
      '\n[dependencies]\n' +
      deps.map((d) => line(d.name, depValue(d))).join('') +
      (g.profile ? '\n[profile.release] # fast\nlto = true\n' : '')
    if (!g.finalNewline) out = out.replace(/\n$/, '')
    const newline = g.crlf ? '\r\n' : '\n'
    out = out.replaceAll('\n', newline)
    return { text: (g.bom ? '\uFEFF' : '') + out, deps, newline, depsLast: !g.profile }
  })

function valueAt(doc: unknown, path: KeyPath): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], doc)
}

function parsed(text: string): Record<string, unknown> {
  return parse(text.replace(/^\uFEFF/, ''))
}

/** The text of the line(s) that hold `path`'s key-value. */
function lineSpan(text: string, path: KeyPath): { start: number; end: number } {
  const bom = text.startsWith('\uFEFF') ? 1 : 0
  const root = buildLayout(text.slice(bom)).root
  // A key inside an inline table lives on its table's line.
  const node = [path, path.slice(0, -1)].map((p) => nodeAt(root, p)).find((n) => n?.kind === 'value')
  if (node?.kind !== 'value') throw new Error(`no value at ${path.join('.')}`)
  return { start: node.kv.lineStart + bom, end: node.kv.lineEnd + bom }
}

function scalarPaths(g: Generated): KeyPath[] {
  return [
    ['package', 'version'],
    ['package', 'description'],
    ...g.deps.map((d) =>
      d.inline || d.features.length ? ['dependencies', d.name, 'version'] : ['dependencies', d.name]
    )
  ]
}

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) }

describe('editor properties', () => {
  it('analysis never throws, whatever the text', () => {
    const fragment = fc.constantFrom(
      '[a]',
      '[[b]]',
      'k = 1',
      'x.y = "s"',
      '= 2',
      '{',
      '}',
      '[',
      ']',
      '"',
      "'''",
      '#',
      '\n',
      '\r\n',
      ' ',
      ',',
      'a = [1,',
      'd = 1979-05-27',
      '\uFEFF'
    )
    fc.assert(
      fc.property(
        fc.oneof(
          text,
          fc.array(fragment, { maxLength: 30 }).map((f) => f.join(''))
        ),
        (t) => {
          const a = analyzeManifestText(t, FILE)
          expect(a.text).toBe(t)
          expect(a.view === undefined).toBe(a.syntaxError !== undefined)
        }
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) }
    )
  })

  it('generates manifests that parse', () => {
    fc.assert(
      fc.property(manifest, (g) => void parsed(g.text)),
      RUNS
    )
  })

  it('a no-op is byte-identical: no edits, or a value set to what it is', () => {
    fc.assert(
      fc.property(manifest, (g) => {
        expect(applyManifestEdits(g.text, FILE, []).text).toBe(g.text)
        const doc = parsed(g.text)
        const edits: ManifestEdit[] = scalarPaths(g).map((path) => ({
          op: 'set',
          path,
          value: valueAt(doc, path) as TomlJson
        }))
        expect(applyManifestEdits(g.text, FILE, edits).text).toBe(g.text)
        expect(applyManifestEdits(g.text, FILE, [{ op: 'delete', path: ['package', 'homepage'] }]).text).toBe(
          g.text
        )
      }),
      RUNS
    )
  })

  it('a set changes only the lines of its key, and re-parses to the intended value', () => {
    fc.assert(
      fc.property(manifest, fc.nat(), text, (g, pick, value) => {
        const paths = scalarPaths(g)
        const path = paths[pick % paths.length]!
        const out = applyManifestEdits(g.text, FILE, [{ op: 'set', path, value }]).text
        const { start, end } = lineSpan(g.text, path)
        expect(out.slice(0, start)).toBe(g.text.slice(0, start))
        expect(out.slice(out.length - (g.text.length - end))).toBe(g.text.slice(end))
        const expected = parsed(g.text)
        const parent = valueAt(expected, path.slice(0, -1)) as Record<string, unknown>
        parent[path[path.length - 1] as string] = value
        expect(parsed(out)).toEqual(expected)
        expect(out.startsWith('\uFEFF')).toBe(g.text.startsWith('\uFEFF'))
        if (g.newline === '\r\n') expect(out.replaceAll('\r\n', '')).not.toContain('\n')
      }),
      RUNS
    )
  })

  it('add-dependency writes what was asked, touches only its table, and remove gives the bytes back', () => {
    const spec: fc.Arbitrary<DependencySpec> = fc.record(
      {
        source: fc.oneof(
          version.map((v) => ({ type: 'registry' as const, version: v })),
          fc.record({
            type: fc.constant('path' as const),
            path: fc.constantFrom('../a', 'libs/b c', 'C:\\x')
          })
        ),
        features: fc
          .array(fc.constantFrom('std', 'derive', 'x-y'), { maxLength: 3 })
          .map((f) => [...new Set(f)]),
        defaultFeatures: fc.boolean(),
        package: fc.constantFrom('real-name', 'other_pkg')
      },
      { requiredKeys: ['source'] }
    )
    fc.assert(
      fc.property(manifest, spec, (g, s) => {
        const key = 'zzz-new-dep'
        const table = { kind: 'normal' as const }
        const added = applyManifestEdits(g.text, FILE, [
          { op: 'add-dependency', table, name: key, spec: s }
        ]).text
        const doc = parsed(added)
        const entry = (doc.dependencies as Record<string, unknown>)[key]
        const expected: Record<string, unknown> = {}
        if (s.source.type === 'registry') expected.version = s.source.version
        else if (s.source.type === 'path') expected.path = s.source.path
        if (s.package) expected.package = s.package
        if (s.defaultFeatures === false) expected['default-features'] = false
        if (s.features?.length) expected.features = s.features
        const simple = Object.keys(expected).length === 1 && s.source.type === 'registry'
        expect(entry).toEqual(simple ? expected.version : expected)
        const before = parsed(g.text)
        delete (doc.dependencies as Record<string, unknown>)[key]
        expect(doc).toEqual(before)
        // Outside [dependencies] nothing moved.
        const head = g.text.indexOf('[dependencies]')
        expect(added.slice(0, head)).toBe(g.text.slice(0, head))
        const restored = applyManifestEdits(added, FILE, [{ op: 'remove-dependency', table, name: key }]).text
        // The one change cargo makes on the way back: the file's last line gets its newline.
        const unfinished = g.depsLast && !g.text.endsWith(g.newline)
        expect(restored).toBe(unfinished ? g.text + g.newline : g.text)
        expect(parsed(restored)).toEqual(before)
      }),
      RUNS
    )
  })

  it('new keys, tables and array-of-tables entries re-parse to exactly what was added', () => {
    const json: fc.Arbitrary<TomlJson> = fc.oneof(
      text,
      fc.boolean(),
      fc.integer(),
      fc.array(text, { maxLength: 3 })
    )
    const newPath = fc.oneof(
      fc.constantFrom<KeyPath>(
        ['package', 'license'],
        ['package', 'keywords'],
        ['package', 'metadata', 'docs', 'rs', 'all-features']
      ),
      name.map((n): KeyPath => ['package', 'metadata', `x-${n}`]),
      name.map((n): KeyPath => ['workspace', 'metadata', n])
    )
    fc.assert(
      fc.property(
        manifest,
        newPath,
        json,
        fc.dictionary(name, json, { maxKeys: 3 }),
        (g, path, value, table) => {
          const edits: ManifestEdit[] = [
            { op: 'set', path, value },
            { op: 'append-table', path: ['bin'], value: { name: 'tool', ...table } },
            { op: 'append-table', path: ['bin'], value: { name: 'other' } }
          ]
          const out = applyManifestEdits(g.text, FILE, edits).text
          const expected = parsed(g.text)
          let parent = expected
          for (const key of path.slice(0, -1))
            parent = (parent[key as string] ??= {}) as Record<string, unknown>
          parent[path[path.length - 1] as string] = value
          expected.bin = [{ name: 'tool', ...table }, { name: 'other' }]
          expect(parsed(out)).toEqual(expected)
          const back = applyManifestEdits(out, FILE, [
            { op: 'delete', path: ['bin', 0] },
            { op: 'delete', path: ['bin', 0] }
          ])
          const withoutBins = { ...expected }
          delete withoutBins.bin
          expect(parsed(back.text)).toEqual(withoutBins)
        }
      ),
      RUNS
    )
  })

  it('remove-dependency drops the entry and nothing else', () => {
    fc.assert(
      fc.property(manifest, fc.nat(), (g, pick) => {
        const victim = g.deps[pick % g.deps.length]!
        const out = applyManifestEdits(g.text, FILE, [
          { op: 'remove-dependency', table: { kind: 'normal' }, name: victim.name }
        ]).text
        const expected = parsed(g.text)
        const deps = expected.dependencies as Record<string, unknown>
        delete deps[victim.name]
        if (Object.keys(deps).length === 0) delete expected.dependencies
        expect(parsed(out)).toEqual(expected)
      }),
      RUNS
    )
  })
})

/**
 * Counterexamples fast-check found, kept as fixed cases so they are tried on every run:
 * - seed 730003872: a value with a line break set in a CRLF file came out triple-quoted with a
 *   bare LF inside; such strings are now written on one line with `\n` in CRLF files.
 */
const REGRESSIONS: readonly { readonly text: string; readonly edit: ManifestEdit }[] = [
  {
    text: '[package]\r\nname = "demo"\r\nversion = "0.1.0"\r\ndescription = ""\r\n\r\n[dependencies]\r\na = "1"',
    edit: { op: 'set', path: ['package', 'description'], value: '\n' }
  }
]

describe('regressions found by the properties', () => {
  it.each(REGRESSIONS.map((r, i) => [i, r] as const))('case %i', (_i, { text, edit }) => {
    const out = applyManifestEdits(text, FILE, [edit]).text
    if (text.includes('\r\n')) expect(out.replaceAll('\r\n', '')).not.toContain('\n')
    if (edit.op === 'set') expect(valueAt(parsed(out), edit.path)).toEqual(edit.value)
  })
})

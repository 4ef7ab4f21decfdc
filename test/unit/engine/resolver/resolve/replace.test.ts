import { describe, expect, it } from 'vitest'
import { parseReplaceSpec } from '../../../../../src/main/engine/resolver/resolve/replace-spec'
import type {
  LockedPackage,
  ReplaceEntry,
  Resolve
} from '../../../../../src/main/engine/resolver/resolve/resolve-types'
import { resolve } from '../../../../../src/main/engine/resolver/resolve/resolve'
import { CRATES_IO, CRATES_IO_INDEX, type SourceId } from '../../../../../src/main/engine/sources/source-id'
import type { PackageSource } from '../../../../../src/main/engine/sources/summary'
import { dep, memorySources, pathSource, pkg, root } from './registry-dsl'
import { edgesOf, errorOf, picked, resolveWith } from './resolve-helpers'

function entry(key: string, source: SourceId): ReplaceEntry {
  const parsed = parseReplaceSpec(key)
  if (!parsed.ok) throw new Error(key)
  return { spec: parsed.spec, source }
}

const local = pathSource('localbar')
const git = (precise?: string): SourceId => ({
  kind: 'git',
  url: 'https://example.com/bar',
  ref: { type: 'default' },
  ...(precise ? { precise } : {})
})

const registry = [
  pkg('bar@0.1.0', dep('old ^1')),
  pkg('baz@0.1.0', dep('bar ^0.1')),
  pkg('old@1.0.0'),
  pkg('qux@0.2.0')
]
const standIn = pkg('bar@0.1.0', { source: local }, dep('qux ^0.2'))

function keyOf(r: Resolve, name: string, kind: SourceId['kind']): string {
  return [...r.packages.entries()].find(([, p]) => p.id.name === name && p.id.source.kind === kind)![0]
}

describe('resolve: [replace]', () => {
  it('puts the stand-in in the replaced package’s place and follows its dependencies', async () => {
    const r = await resolveWith([root('app', dep('bar ^0.1'), dep('baz ^0.1'))], [...registry, standIn], {
      replacements: [entry('bar:0.1.0', local)]
    })
    expect(picked(r)).toEqual(['app@0.1.0', 'bar@0.1.0', 'baz@0.1.0', 'qux@0.2.0'])
    const bar = keyOf(r, 'bar', 'path')
    const replacedKey = [...r.replaced!.keys()][0]!
    expect(r.replaced!.get(replacedKey)).toEqual({
      id: { name: 'bar', version: '0.1.0', source: pkg('bar@0.1.0').source },
      checksum: 'sum-bar-0.1.0',
      replacement: bar
    })
    for (const name of ['app', 'baz']) {
      const edge = r.packages.get(keyOf(r, name, name === 'app' ? 'path' : 'registry'))!.deps[0]!
      expect(edge).toMatchObject({ name: 'bar', pkg: bar, replaced: replacedKey })
    }
    expect(edgesOf(r, 'bar')).toEqual(['qux=qux@0.2.0'])
  })

  it('leaves packages the spec does not match alone', async () => {
    const r = await resolveWith([root('app', dep('bar ^0.1'))], [...registry, standIn], {
      replacements: [entry('bar:0.2.0', local)]
    })
    expect(r.replaced).toBeUndefined()
    expect(picked(r)).toEqual(['app@0.1.0', 'bar@0.1.0', 'old@1.0.0'])
  })

  it('does not replace a package with itself', async () => {
    const gitBar = pkg('bar@0.1.0', { source: git() })
    const r = await resolveWith([root('app', dep('bar', { source: git() }))], [gitBar], {
      replacements: [entry('https://example.com/bar#bar@0.1.0', git())]
    })
    expect(r.replaced).toBeUndefined()
    expect(picked(r)).toEqual(['app@0.1.0', 'bar@0.1.0'])
  })

  it('keeps a git stand-in on the commit the previous lock recorded, until it is updated', async () => {
    const first = pkg('bar@0.1.0', { source: git('1'.repeat(40)) })
    const second = pkg('bar@0.1.0', { source: git('2'.repeat(40)) }, dep('qux ^0.2'))
    const memory = memorySources(registry)
    // The repository's default branch has moved on to `second`; `first` is still fetchable.
    const sourceFor = (id: SourceId): PackageSource =>
      id.kind !== 'git'
        ? memory.sourceFor(id)
        : {
            id,
            query: () => Promise.resolve([id.precise ? first : second]),
            download: () => Promise.reject(new Error('not in tests'))
          }
    const app = root('app', dep('bar ^0.1'))
    const replacements = [entry('bar:0.1.0', git())]
    const registryBar = { name: 'bar', version: '0.1.0', source: CRATES_IO }
    const locked: LockedPackage[] = [
      {
        id: { name: 'app', version: '0.1.0', source: app.source },
        dependencies: [`bar 0.1.0 (registry+${CRATES_IO_INDEX})`]
      },
      { id: registryBar, dependencies: [], replace: { name: 'bar', version: '0.1.0', source: first.source } },
      { id: { name: 'bar', version: '0.1.0', source: first.source }, dependencies: [] }
    ]
    const kept = await resolve({ roots: [app], sourceFor, replacements, locked })
    expect(keyOf(kept, 'bar', 'git')).toContain('1'.repeat(40))
    expect(picked(kept)).toEqual(['app@0.1.0', 'bar@0.1.0'])
    const updated = await resolve({
      roots: [app],
      sourceFor,
      replacements,
      locked,
      unlock: (id) => id.name === 'bar'
    })
    expect(keyOf(updated, 'bar', 'git')).toContain('2'.repeat(40))
    expect(picked(updated)).toEqual(['app@0.1.0', 'bar@0.1.0', 'qux@0.2.0'])
  })
})

describe('resolve: [replace] errors, in cargo’s words', () => {
  it('says when the replacement source has no package of that version', async () => {
    const e = await errorOf(
      resolveWith([root('app', dep('baz ^0.1'))], [...registry, pkg('bar@0.2.0', { source: local })], {
        replacements: [entry('bar:0.1.0', local)]
      })
    )
    expect(e.message).toBe(
      [
        'failed to get `bar` as a dependency of package `baz v0.1.0`',
        '    ... which satisfies dependency `baz = "^0.1"` of package `app v0.1.0 (/ws/app)`',
        '',
        'Caused by:',
        '  no matching package for override `https://github.com/rust-lang/crates.io-index#bar@0.1.0` found',
        '  location searched: /ws/localbar',
        '  version required: =0.1.0'
      ].join('\n')
    )
  })

  it('refuses a stand-in whose build metadata differs', async () => {
    const e = await errorOf(
      resolveWith([root('app', dep('bar ^0.1'))], [pkg('bar@0.1.0+a'), pkg('bar@0.1.0', { source: local })], {
        replacements: [entry('bar:0.1.0', local)]
      })
    )
    expect(e.message).toContain(
      'Caused by:\n  replacement specification `https://github.com/rust-lang/crates.io-index#bar@0.1.0` matched 0.1.0+a and tried to override it with 0.1.0\n  avoid matching unrelated packages by being more specific'
    )
  })

  it('refuses two specs that match the same package', async () => {
    const e = await errorOf(
      resolveWith([root('app', dep('bar ^0.1'))], [...registry, standIn], {
        replacements: [entry('bar:0.1.0', local), entry('bar@0.1.0', local)]
      })
    )
    expect(e.message).toContain(
      'overlapping replacement specifications found:\n\n    * https://github.com/rust-lang/crates.io-index#bar@0.1.0\n    * https://github.com/rust-lang/crates.io-index#bar@0.1.0\n\n  both specifications match: bar v0.1.0'
    )
  })

  it('finds a cycle that goes through a stand-in', async () => {
    const cyclic = pkg('bar@0.1.0', { source: local }, dep('app', { source: pathSource('app') }))
    const e = await errorOf(
      resolveWith([root('app', dep('bar ^0.1'))], [...registry, cyclic], {
        replacements: [entry('bar:0.1.0', local)]
      })
    )
    expect(e.message).toMatch(/^cyclic package dependency: package `/)
  })
})

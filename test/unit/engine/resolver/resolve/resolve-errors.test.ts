import { describe, expect, it } from 'vitest'
import { dep, pkg, root } from './registry-dsl'
import { errorOf, resolveWith } from './resolve-helpers'

describe('resolve: errors worded as cargo words them', () => {
  it('names a package no source has, with the path from the root', async () => {
    const e = await errorOf(resolveWith([root('app', dep('a ^1'))], [pkg('a@1.0.0', dep('ghost ^1'))]))
    expect(e.code).toBe('not-found')
    expect(e.message).toBe(
      [
        'no matching package named `ghost` found',
        'location searched: registry `crates-io`',
        'required by package `a v1.0.0`',
        '    ... which satisfies dependency `a = "^1"` of package `app v0.1.0 (/ws/app)`'
      ].join('\n')
    )
  })

  it('lists the versions that exist when none matches the requirement', async () => {
    const e = await errorOf(
      resolveWith(
        [root('app', dep('a 0.9'))],
        [pkg('a@1.0.0'), pkg('a@1.1.0'), pkg('a@2.0.0'), pkg('a@2.1.0-rc.1')]
      )
    )
    expect(e.message).toBe(
      [
        'failed to select a version for the requirement `a = "^0.9"`',
        "candidate versions found which didn't match: 2.1.0-rc.1, 2.0.0, 1.1.0, ...",
        'location searched: registry `crates-io`',
        'required by package `app v0.1.0 (/ws/app)`'
      ].join('\n')
    )
    expect(e.hint).toContain('a = { version = "2.1.0-rc.1" }')
  })

  it('says which versions are yanked when only yanked ones match', async () => {
    const e = await errorOf(resolveWith([root('app', dep('a ^1'))], [pkg('a@1.0.0', { yanked: true })]))
    expect(e.message).toMatch(
      /^failed to select a version for the requirement `a = "\^1"`\n {2}version 1\.0\.0 is yanked\n/
    )
  })

  it('explains a semver conflict with both paths', async () => {
    const e = await errorOf(
      resolveWith(
        [root('app', dep('c =1.0.0'), dep('x ^1'))],
        [pkg('x@1.0.0', dep('c ^1.2')), pkg('c@1.0.0'), pkg('c@1.2.0'), pkg('c@1.3.0')]
      )
    )
    expect(e.code).toBe('conflict')
    expect(e.message).toBe(
      [
        'failed to select a version for `c`.',
        '    ... required by package `x v1.0.0`',
        '    ... which satisfies dependency `x = "^1"` of package `app v0.1.0 (/ws/app)`',
        'versions that meet the requirements `^1.2` are: 1.3.0, 1.2.0',
        '',
        'all possible versions conflict with previously selected packages.',
        '',
        '  previously selected package `c v1.0.0`',
        '    ... which satisfies dependency `c = "=1.0.0"` of package `app v0.1.0 (/ws/app)`',
        '',
        'failed to select a version for `c` which could resolve this conflict'
      ].join('\n')
    )
  })

  it('explains a `links` conflict', async () => {
    const e = await errorOf(
      resolveWith(
        [root('app', dep('l1 ^1'), dep('l2 ^1'))],
        [pkg('l1@1.0.0', { links: 'z' }), pkg('l2@1.0.0', { links: 'z' })]
      )
    )
    expect(e.message).toContain(
      'package `l2` links to the native library `z`, but it conflicts with a previous package which links to `z` as well:\npackage `l1 v1.0.0`'
    )
    expect(e.message).toContain('uses the `links = "z"` value.')
  })

  it('explains a feature the dependency lacks, suggesting a close one', async () => {
    const e = await errorOf(
      resolveWith(
        [root('app', dep('a ^1', { features: ['std2'] }))],
        [pkg('a@1.0.0', { features: { std: [], alloc: [] } })]
      )
    )
    expect(e.message).toContain(
      'package `app` depends on `a` with feature `std2` but `a` does not have that feature.\n package `a` does have feature `std`\n'
    )
  })

  it('reports a cycle through normal dependencies with its path', async () => {
    const e = await errorOf(
      resolveWith(
        [root('app', dep('c1 ^1'))],
        [pkg('c1@1.0.0', dep('c2 ^1')), pkg('c2@1.0.0', dep('c1 ^1', { kind: 'build' }))]
      )
    )
    expect(e.message).toBe(
      [
        'cyclic package dependency: package `c1 v1.0.0` depends on itself. Cycle:',
        'package `c1 v1.0.0`',
        '    ... which satisfies dependency `c1 = "^1"` of package `c2 v1.0.0`',
        '    ... which satisfies dependency `c2 = "^1"` of package `c1 v1.0.0`',
        // cargo walks the whole search path back to where it started (the member sorts first).
        '    ... which satisfies dependency `c1 = "^1"` of package `app v0.1.0 (/ws/app)`'
      ].join('\n')
    )
  })

  it('allows a cycle closed by a dev-dependency', async () => {
    const lib = root('lib', dep('helper ^1', { kind: 'dev' }))
    const helper = pkg('helper@1.0.0', dep('lib', { source: lib.source }))
    const r = await resolveWith([lib], [helper])
    expect(r.packages.size).toBe(2)
  })

  it('rejects a feature a member does not have', async () => {
    const e = await errorOf(resolveWith([root('app', { features: { x: ['nope/f'] } })], []))
    expect(e.message).toBe('package `app v0.1.0 (/ws/app)` does not have a dependency named `nope`')
  })

  it('uses the source description the caller gives and hints at re-vendoring', async () => {
    const e = await errorOf(
      resolveWith([root('app', dep('a ^2'))], [pkg('a@1.0.0')], {
        describeSource: () => ({
          text: 'directory source `/v` (which is replacing registry `crates-io`)',
          replaced: true
        })
      })
    )
    expect(e.message).toContain(
      'location searched: directory source `/v` (which is replacing registry `crates-io`)'
    )
    expect(e.hint).toBe('perhaps a crate was updated and forgotten to be re-vendored?')
  })
})

import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { runBuild } from '../../src/main/engine/compiler/build-runner'
import { loadPackage } from '../../src/main/engine/manifest/read-manifest'
import { eventLog } from '../helpers/events'
import { copyFixture } from '../helpers/fixtures'

describe('a 2014-format package ([[lib]], three [[bin]], a path dependency, build = "make")', () => {
  it('reads the 2014 dialect with its default paths', async () => {
    const dir = await copyFixture('legacy-2014')
    const pkg = await loadPackage(join(dir, 'color-tool', 'Cargo.toml'))
    expect(pkg.manifest.format).toBe('2014')
    expect(pkg.manifest.package.build).toEqual({ type: 'command', command: 'make' })
    expect(pkg.manifest.package.edition).toBe('2015')
    expect(pkg.targets.map((t) => [t.kind, t.name, t.srcPath.slice(dir.length + 1)])).toEqual([
      ['lib', 'color', 'color-tool/src/lib.rs'],
      ['bin', 'paint', 'color-tool/src/bin/paint.rs'],
      ['bin', 'hiya', 'color-tool/src/bin/hiya.rs'],
      ['bin', 'folks', 'color-tool/src/exe/folkster.rs']
    ])
    expect(pkg.manifest.dependencies).toMatchObject([
      { name: 'hammer', source: { type: 'path', path: '../hammer' } }
    ])
  })

  it('runs make before rustc, and every binary prints what make generated', async () => {
    const dir = await copyFixture('legacy-2014')
    const manifest = join(dir, 'color-tool', 'Cargo.toml')
    const log = eventLog()
    const build = await runBuild(
      { manifestPath: manifest, profile: 'dev', selection: { lib: true, bins: 'all' } },
      { sink: log.sink }
    )
    expect(build.success, log.text()).toBe(true)
    const text = log.text()
    expect(text).toContain('Compiling hammer v0.5.0')
    expect(text).toContain('Compiling color-tool v0.1.0')
    const order = log.events.flatMap((e) =>
      e.type === 'unit-started' ? [e.unitId.split(' ').slice(1).join(' ')] : []
    )
    expect(order.indexOf('build-command')).toBeLessThan(order.indexOf('lib color'))
    const outputs: Record<string, string> = {}
    for (const bin of ['paint', 'hiya', 'folks']) {
      outputs[bin] = (await execa(join(dir, 'color-tool', 'target', 'debug', bin))).stdout
    }
    expect(outputs).toEqual({
      paint: 'paint says hello; the hammer strikes; made by the build command',
      hiya: 'hiya says hello; the hammer strikes; made by the build command',
      folks: 'folks says hello; the hammer strikes; made by the build command'
    })
  })

  it('stops the build and shows the output when the build command fails', async () => {
    const dir = await copyFixture('legacy-2014')
    const { writeFile } = await import('node:fs/promises')
    await writeFile(
      join(dir, 'color-tool', 'Makefile'),
      'all:\n\t@echo "cannot find gcc-9000" >&2\n\t@exit 3\n'
    )
    const log = eventLog()
    const build = await runBuild(
      {
        manifestPath: join(dir, 'color-tool', 'Cargo.toml'),
        profile: 'dev',
        selection: { lib: true, bins: 'all' }
      },
      { sink: log.sink }
    )
    expect(build.success).toBe(false)
    expect(log.text()).toContain('cannot find gcc-9000')
    expect(log.text()).toMatch(/error: failed to run custom build command for `color-tool v0\.1\.0/)
    expect(log.text()).toMatch(/process didn't exit successfully: `make` \(exit status: 2\)/)
    expect(log.events.some((e) => e.type === 'unit-started' && e.unitId.endsWith('lib color'))).toBe(false)
  })
})

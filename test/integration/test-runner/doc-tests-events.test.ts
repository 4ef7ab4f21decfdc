/**
 * Doc tests as the app sees them: another harness in the test events ("Doc-tests demo"), each
 * example reported with its outcome, the tally, and cancel killing rustdoc and the doctest it runs.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { OperationEvent } from '@shared/models/build'
import { testPackage, type TestOptions } from '../../../src/main/engine/run/test-package'
import { eventLog } from '../../helpers/events'
import { processesMatching, waitFor } from '../../helpers/processes'
import { project } from '../../helpers/project'
import { tempDir } from '../../helpers/temp-dir'

const LIB = `/// Adds.
///
/// \`\`\`
/// assert_eq!(demo::add(1, 2), 3);
/// \`\`\`
///
/// \`\`\`
/// assert_eq!(demo::add(2, 2), 5, "bad math");
/// \`\`\`
///
/// \`\`\`ignore
/// not rust
/// \`\`\`
pub fn add(a: i32, b: i32) -> i32 { a + b }
`

function options(root: string, extra: Partial<TestOptions> = {}): TestOptions {
  return {
    manifestPath: join(root, 'Cargo.toml'),
    profile: 'test',
    args: [],
    cwd: root,
    env: { ...process.env, RUST_BACKTRACE: '0' },
    cacheDir: join(root, 'cache'),
    homeDir: root,
    ...extra
  }
}

const SUITE = 'Doc-tests demo'

describe('doc tests in the test events', () => {
  it('reports each example of a library-only package under its own suite', async () => {
    const p = await project().manifest('demo').file('src/lib.rs', LIB).build()
    const log = eventLog()
    const result = await testPackage(options(p.root), { sink: log.sink })
    expect(result.build.success, log.text()).toBe(true)
    const events = log.events as OperationEvent[]
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'status', verb: 'Doc-tests', detail: 'demo' })
    )
    const results = events.flatMap((e) => (e.type === 'test-result' && e.suite === SUITE ? [e] : []))
    expect(results.map((r) => [r.name, r.outcome]).sort()).toEqual([
      ['src/lib.rs - add (line 11)', 'ignored'],
      ['src/lib.rs - add (line 3)', 'ok'],
      ['src/lib.rs - add (line 7)', 'failed']
    ])
    expect(results.find((r) => r.outcome === 'failed')?.output).toContain('bad math')
    const tally = events.find((e) => e.type === 'test-suite-finished' && e.summary.suite === SUITE)
    expect(tally).toMatchObject({ summary: { passed: 1, failed: 1, ignored: 1, filteredOut: 0 } })
    expect(result.tests?.suites.map((s) => [s.suite, s.success])).toEqual([
      [expect.stringMatching(/^unittests src\/lib\.rs/), true],
      [SUITE, false]
    ])
    expect(result.tests?.exitCode).toBe(101)
    expect(log.text()).toContain('error: doctest failed, to rerun pass `--doc`')
  })

  it('runs none when the selection was given, and only them with `only`', async () => {
    const p = await project().manifest('demo').file('src/lib.rs', LIB).build()
    const none = await testPackage(options(p.root, { selection: { lib: false, bins: [], libTest: true } }), {
      sink: () => {}
    })
    expect(none.tests?.suites.map((s) => s.suite)).toEqual([expect.stringMatching(/^unittests /)])
    const only = await testPackage(options(p.root, { docTests: 'only' }), { sink: () => {} })
    expect(only.tests?.suites.map((s) => s.suite)).toEqual([SUITE])
  })

  it('skips, with a warning, doc tests that would link a library built to abort', async () => {
    const manifest = '[profile.release]\npanic = "abort"\n'
    const p = await project().manifest('demo', manifest).file('src/lib.rs', LIB).build()
    const log = eventLog()
    const result = await testPackage(options(p.root, { profile: 'release' }), { sink: log.sink })
    expect(log.text()).toContain(
      'warning: skipping the doc tests of `demo`: its library was built with `panic = "abort"` (profile `release`)'
    )
    expect(result.tests?.suites.map((s) => s.suite)).toEqual([expect.stringMatching(/^unittests /)])
    expect(result.tests?.success).toBe(true)
  })

  it('cancelling kills rustdoc and the doctest it is running, and reports no tally', async () => {
    const marker = `${400 + Math.floor(Math.random() * 1000)}.${process.pid}`
    const lib = `/// \`\`\`
/// let _child = std::process::Command::new("sleep").arg("${marker}").spawn().unwrap();
/// std::thread::sleep(std::time::Duration::from_secs(600));
/// \`\`\`
pub fn hangs() {}
`
    const p = await project('hangs')
      .manifest('hangs')
      .file('src/lib.rs', lib)
      .build(await tempDir())
    const events: OperationEvent[] = []
    const controller = new AbortController()
    const run = testPackage(options(p.root, { docTests: 'only' }), {
      sink: (e) => void events.push(e as OperationEvent),
      signal: controller.signal
    })
    await waitFor(async () => (await processesMatching(`sleep ${marker}`)).length === 1, 60_000)
    controller.abort()
    const result = await run
    expect(result.tests).toMatchObject({ success: false, cancelled: true })
    await waitFor(async () => (await processesMatching(`sleep ${marker}`)).length === 0, 5000)
    expect(events.some((e) => e.type === 'test-suite-finished' || e.type === 'message')).toBe(false)
  })
})

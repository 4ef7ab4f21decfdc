import { describe, expect, it } from 'vitest'
import type { OperationEvent } from '@shared/models/build'
import { runTestSequence } from '../../../src/main/engine/run/test-sequence'
import { tempDir } from '../../helpers/temp-dir'
import { binary, compileHarness } from './harness'
import { processesMatching, waitFor } from '../../helpers/processes'

describe('cancelling a test run', () => {
  it('kills the harness and what its tests started, and runs nothing after it', async () => {
    const marker = `${300 + Math.floor(Math.random() * 1000)}.${process.pid}`
    const dir = await tempDir()
    const name = `hangs_${process.pid}`
    const exe = await compileHarness(
      dir,
      name,
      `#[test] fn quick() {}
#[test] fn hangs() {
    let _child = std::process::Command::new("sleep").arg("${marker}").spawn().unwrap();
    std::thread::sleep(std::time::Duration::from_secs(600));
}
`
    )
    const other = await compileHarness(dir, `never_${process.pid}`, '#[test] fn never() {}\n')
    const events: OperationEvent[] = []
    const controller = new AbortController()
    const run = runTestSequence(
      [binary(exe, dir, 'tests/hangs.rs (hangs)'), binary(other, dir, 'tests/never.rs (never)')],
      [],
      { args: [] },
      { sink: (e) => events.push(e), signal: controller.signal }
    )
    await waitFor(async () => (await processesMatching(`sleep ${marker}`)).length === 1)
    controller.abort()
    const result = await run
    expect(result).toMatchObject({ success: false, cancelled: true })
    expect(result.suites.map((s) => s.exit.cancelled)).toEqual([true])
    await waitFor(async () => (await processesMatching(`sleep ${marker}`)).length === 0, 5000)
    await waitFor(async () => (await processesMatching(exe)).length === 0, 5000)
    expect(events.filter((e) => e.type === 'status').map((e) => e.type === 'status' && e.detail)).toEqual([
      'tests/hangs.rs (hangs)'
    ])
    // A cancelled harness has no tally and no error: the operation itself reports the cancel.
    expect(events.some((e) => e.type === 'test-suite-finished' || e.type === 'message')).toBe(false)
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'test-result', name: 'quick', outcome: 'ok' })
    )
  })
})

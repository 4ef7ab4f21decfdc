import { beforeAll, describe, expect, it } from 'vitest'
import type { OperationEvent } from '@shared/models/build'
import { runTestSequence } from '../../../src/main/engine/run/test-sequence'
import type { TestBinary } from '../../../src/main/engine/test-runner/test-binary'
import { fileTempDir } from '../../helpers/temp-dir'
import { binary, compileHarness, compileProgram } from './harness'

const MIXED = `
pub fn add(a: i32, b: i32) -> i32 { a + b }
#[cfg(test)]
mod tests {
    use super::*;
    #[test] fn passes() { println!("hello from passes"); assert_eq!(add(1, 2), 3); }
    #[test] fn fails() { println!("some stdout"); assert_eq!(add(1, 2), 4); }
    #[test] #[ignore] fn ignored_plain() {}
    #[test] #[ignore = "slow test"] fn ignored_reason() {}
    #[test] #[should_panic] fn should_panic_ok() { panic!("x") }
    #[test] #[should_panic(expected = "abc")] fn should_panic_wrong() { panic!("xyz") }
    #[test] #[should_panic] fn should_panic_none() {}
}
`

const PASSING = `
#[test] fn one() {}
#[test] fn two() { assert!(true) }
#[test] #[ignore = "needs network"] fn three() {}
`

const ABORTS = `
#[test] fn a_first() {}
#[test] fn b_aborts() {
    std::thread::sleep(std::time::Duration::from_millis(200));
    println!("about to abort");
    std::process::abort()
}
#[test] fn c_slow() { std::thread::sleep(std::time::Duration::from_secs(3)) }
`

const EXITS = `
#[test] fn exits() { std::process::exit(3) }
`

let dir: string
let mixed: TestBinary
let passing: TestBinary
let aborts: TestBinary
let exits: TestBinary

beforeAll(async () => {
  dir = await fileTempDir('cs-test-runner-')
  const [m, p, a, e] = await Promise.all([
    compileHarness(dir, 'mixed', MIXED),
    compileHarness(dir, 'passing', PASSING),
    compileHarness(dir, 'aborts', ABORTS),
    compileHarness(dir, 'exits', EXITS)
  ])
  mixed = binary(m, dir, 'unittests src/lib.rs (target/debug/deps/mixed-1)')
  passing = binary(p, dir, 'tests/passing.rs (target/debug/deps/passing-2)', {
    kind: 'test',
    name: 'passing'
  })
  aborts = binary(a, dir, 'tests/aborts.rs (target/debug/deps/aborts-3)', { kind: 'test', name: 'aborts' })
  exits = binary(e, dir, 'tests/exits.rs (target/debug/deps/exits-4)', { kind: 'test', name: 'exits' })
})

function record() {
  const events: OperationEvent[] = []
  return {
    events,
    sink: (e: OperationEvent) => void events.push(e),
    results: () => events.flatMap((e) => (e.type === 'test-result' ? [e] : [])),
    summaries: () => events.flatMap((e) => (e.type === 'test-suite-finished' ? [e.summary] : [])),
    messages: () => events.flatMap((e) => (e.type === 'message' ? [`${e.level}: ${e.text}`] : [])),
    stdout: () => events.map((e) => (e.type === 'output' && e.stream === 'stdout' ? e.text : '')).join('')
  }
}

describe('running real harnesses in sequence', () => {
  it('runs a passing harness and reports each test, its tally and success', async () => {
    const log = record()
    const result = await runTestSequence([passing], [], { args: [] }, { sink: log.sink })
    expect(result).toMatchObject({ success: true, cancelled: false, exitCode: 0 })
    expect(log.events[0]).toEqual({
      type: 'status',
      verb: 'Running',
      detail: passing.suite,
      verboseDetail: `\`${passing.executable}\``
    })
    expect(log.results().map((r) => [r.name, r.outcome])).toEqual(
      expect.arrayContaining([
        ['one', 'ok'],
        ['two', 'ok'],
        ['three', 'ignored']
      ])
    )
    expect(log.summaries()).toEqual([
      expect.objectContaining({ suite: passing.suite, passed: 2, failed: 0, ignored: 1, filteredOut: 0 })
    ])
    expect(log.stdout()).toContain('test result: ok. 2 passed; 0 failed; 1 ignored')
    expect(log.messages()).toEqual([])
  })

  it('reports failures with their output and stops after the failing harness', async () => {
    const log = record()
    const result = await runTestSequence([mixed, passing], [], { args: [] }, { sink: log.sink })
    expect(result).toMatchObject({ success: false, cancelled: false, exitCode: 101 })
    expect(result.suites.map((s) => s.suite)).toEqual([mixed.suite])
    const byName = Object.fromEntries(log.results().map((r) => [r.name, r]))
    expect(byName['tests::fails']).toMatchObject({ outcome: 'failed', suite: mixed.suite })
    expect(byName['tests::fails']?.output).toContain('some stdout\n')
    expect(byName['tests::fails']?.output).toContain('assertion `left == right` failed')
    expect(byName['tests::should_panic_ok']?.outcome).toBe('ok')
    expect(byName['tests::should_panic_none']?.output).toContain('note: test did not panic as expected')
    expect(byName['tests::should_panic_wrong']?.output).toContain('expected substring: "abc"')
    expect(byName['tests::passes']).toEqual({
      type: 'test-result',
      suite: mixed.suite,
      name: 'tests::passes',
      outcome: 'ok'
    })
    const [tally] = log.summaries()
    expect(tally).toMatchObject({
      suite: mixed.suite,
      passed: 2,
      failed: 3,
      ignored: 2,
      measured: 0,
      filteredOut: 0
    })
    // libtest's "finished in 0.00s", in milliseconds.
    expect(typeof tally?.elapsedMs).toBe('number')
    expect(log.messages()).toEqual(['error: test failed, to rerun pass `--lib`'])
  })

  it('runs every harness with no-fail-fast and lists the failed targets as cargo does', async () => {
    const log = record()
    const result = await runTestSequence(
      [mixed, passing, exits],
      [],
      { args: [], noFailFast: true },
      { sink: log.sink }
    )
    expect(result).toMatchObject({ success: false, exitCode: 101 })
    expect(result.suites.map((s) => [s.suite, s.success])).toEqual([
      [mixed.suite, false],
      [passing.suite, true],
      [exits.suite, false]
    ])
    expect(log.messages()).toEqual([
      'error: test failed, to rerun pass `--lib`',
      `error: test failed, to rerun pass \`--test exits\`\n\nCaused by:\n  process didn't exit successfully: \`${exits.executable}\` (exit status: 3)`,
      'note: test exited abnormally; to see the full output pass --no-capture to the harness.',
      'error: 2 targets failed:\n    `--lib`\n    `--test exits`'
    ])
  })

  it('passes the user’s arguments: a filter, --exact, --ignored', async () => {
    const filtered = record()
    await runTestSequence([mixed], [], { args: ['passes', '--exact'] }, { sink: filtered.sink })
    expect(filtered.results()).toHaveLength(0)
    const exact = record()
    await runTestSequence([mixed], [], { args: ['tests::passes', '--exact'] }, { sink: exact.sink })
    expect(exact.results().map((r) => r.name)).toEqual(['tests::passes'])
    expect(exact.summaries()[0]).toMatchObject({ passed: 1, filteredOut: 6 })
    const ignored = record()
    await runTestSequence([mixed], [], { args: ['--ignored'] }, { sink: ignored.sink })
    expect(
      ignored
        .results()
        .map((r) => [r.name, r.outcome])
        .sort()
    ).toEqual([
      ['tests::ignored_plain', 'ok'],
      ['tests::ignored_reason', 'ok']
    ])
  })

  it('attributes --nocapture output on one thread to the test that printed it', async () => {
    const log = record()
    await runTestSequence([mixed], [], { args: ['--nocapture', '--test-threads=1'] }, { sink: log.sink })
    const byName = Object.fromEntries(log.results().map((r) => [r.name, r]))
    expect(byName['tests::fails']?.output).toBe('some stdout\n')
    expect(log.results()).toHaveLength(7)
    // The panic message went to stderr, where cargo shows it too.
    const stderr = log.events
      .map((e) => (e.type === 'output' && e.stream === 'stderr' ? e.text : ''))
      .join('')
    expect(stderr).toContain('panicked at')
  })

  it('reports a harness that aborts mid-run as cargo does, keeping what finished', async () => {
    const log = record()
    const result = await runTestSequence([aborts], [], { args: [] }, { sink: log.sink })
    expect(result).toMatchObject({ success: false, exitCode: 101 })
    expect(result.suites[0]?.exit.signal).toBe('SIGABRT')
    expect(log.results().map((r) => [r.name, r.outcome])).toEqual([['a_first', 'ok']])
    expect(log.summaries()).toEqual([
      { suite: aborts.suite, passed: 1, failed: 0, ignored: 0, measured: 0, filteredOut: 0 }
    ])
    expect(log.events).toContainEqual({ type: 'program-exited', exitCode: null, signal: 'SIGABRT' })
    // A signal has no exit code, so cargo adds no note.
    expect(log.messages()).toEqual([
      `error: test failed, to rerun pass \`--test aborts\`\n\nCaused by:\n  process didn't exit successfully: \`${aborts.executable}\` (signal: 6, SIGABRT: process abort signal)`
    ])
  })

  it('blames the running test when a single-threaded harness aborts', async () => {
    const log = record()
    await runTestSequence([aborts], [], { args: ['--test-threads=1'] }, { sink: log.sink })
    const last = log.results().at(-1)
    expect(last).toMatchObject({ name: 'b_aborts', outcome: 'failed' })
    expect(last?.output).toContain('the test harness stopped while this test was running (signal: 6')
    expect(log.messages()[0]).toContain(`\`${aborts.executable} --test-threads=1\` (signal: 6`)
  })

  it('passes a harness = false program through, and says "bench failed" in bench mode', async () => {
    const exe = await compileProgram(
      dir,
      'custom',
      'fn main() { println!("args: {:?}", std::env::args().skip(1).collect::<Vec<_>>()); std::process::exit(3) }\n'
    )
    const custom: TestBinary = {
      ...binary(exe, dir, 'benches/custom.rs (target/release/deps/custom-5)', {
        kind: 'bench',
        name: 'custom'
      }),
      harness: false
    }
    const log = record()
    const result = await runTestSequence(
      [custom],
      [],
      { args: ['x'], mode: 'bench', quiet: true },
      { sink: log.sink }
    )
    expect(log.stdout()).toBe('args: ["x", "--bench"]\n')
    expect(log.results()).toEqual([])
    expect(result.exitCode).toBe(3)
    // Not libtest, so no hint about --no-capture.
    expect(log.messages()).toEqual([
      `error: bench failed, to rerun pass \`--bench custom\`\n\nCaused by:\n  process didn't exit successfully: \`${exe} x --bench\` (exit status: 3)`
    ])
  })

  it('starts nothing when already cancelled', async () => {
    const log = record()
    const controller = new AbortController()
    controller.abort()
    const result = await runTestSequence(
      [passing],
      [],
      { args: [] },
      { sink: log.sink, signal: controller.signal }
    )
    expect(result).toMatchObject({ success: false, cancelled: true, suites: [] })
    expect(log.events).toEqual([])
  })
})

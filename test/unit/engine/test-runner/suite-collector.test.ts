import { describe, expect, it } from 'vitest'
import type { OperationEvent } from '@shared/models/build'
import { LibtestParser } from '../../../../src/main/engine/test-runner/libtest-parser'
import { MAX_TEST_OUTPUT, SuiteCollector } from '../../../../src/main/engine/test-runner/suite-collector'
import { ABORTED, NOCAPTURE_ONE_THREAD, PRETTY, TERSE } from './libtest-fixtures'

const SUITE = 'unittests src/lib.rs (target/debug/deps/demo-1a2b)'

function collect(stdout: string, crash?: string) {
  const events: OperationEvent[] = []
  const collector = new SuiteCollector(SUITE, (e) => events.push(e))
  const parser = new LibtestParser()
  for (const line of stdout.split(/(?<=\n)/)) collector.accept(parser.push(line))
  collector.accept(parser.end())
  const summary = collector.finish(crash)
  const results = events.flatMap((e) => (e.type === 'test-result' ? [e] : []))
  return { events, results, summary, tests: collector.tests }
}

describe('suite collector', () => {
  it('reports every test once, failed ones with what libtest captured', () => {
    const { results } = collect(PRETTY)
    expect(results).toHaveLength(9)
    expect(new Set(results.map((r) => r.name)).size).toBe(9)
    expect(results.every((r) => r.suite === SUITE)).toBe(true)
    const fails = results.find((r) => r.name === 'tests::fails')
    expect(fails?.outcome).toBe('failed')
    expect(fails?.output).toContain('assertion `left == right` failed')
    expect(results.find((r) => r.name === 'tests::passes')).not.toHaveProperty('output')
  })

  it('reports passes as they happen and failures once their output is known', () => {
    const { events } = collect(PRETTY)
    const order = events.map((e) => (e.type === 'test-result' ? `${e.outcome}:${e.name}` : e.type))
    expect(order.indexOf('ok:tests::passes')).toBeLessThan(order.indexOf('failed:tests::fails_too'))
    expect(order.at(-1)).toBe('test-suite-finished')
  })

  it('takes the tally from libtest’s summary line', () => {
    expect(collect(PRETTY).summary).toEqual({
      suite: SUITE,
      passed: 2,
      failed: 5,
      ignored: 2,
      measured: 0,
      filteredOut: 0,
      elapsedMs: 0
    })
  })

  it('joins --nocapture output with the notes libtest captured', () => {
    const { results } = collect(NOCAPTURE_ONE_THREAD)
    expect(results.find((r) => r.name === 'tests::fails')?.output).toBe('some stdout\n')
    expect(results.find((r) => r.name === 'tests::should_panic_none')?.output).toBe(
      'note: test did not panic as expected at lib.rs:12:32'
    )
    // No output at all: the event has no output field.
    expect(results.find((r) => r.name === 'tests::fails_too')).not.toHaveProperty('output')
  })

  it('reports the failures of --quiet by name; passes are only counted', () => {
    const { results, summary } = collect(TERSE)
    expect(results.map((r) => r.outcome)).toEqual(Array(5).fill('failed'))
    expect(summary.passed).toBe(2)
  })

  it('counts what it saw when a harness dies before its summary', () => {
    const { summary } = collect(ABORTED, 'signal: 6, SIGABRT: process abort signal')
    expect(summary).toEqual({ suite: SUITE, passed: 1, failed: 0, ignored: 0, measured: 0, filteredOut: 0 })
  })

  it('blames the running test, with the reason, when a single-threaded harness dies', () => {
    const { results, summary } = collect(
      '\nrunning 2 tests\ntest a ... ok\ntest b ... about to abort\n',
      'signal: 6, SIGABRT: process abort signal'
    )
    expect(results.at(-1)).toEqual({
      type: 'test-result',
      suite: SUITE,
      name: 'b',
      outcome: 'failed',
      output:
        'about to abort\nthe test harness stopped while this test was running (signal: 6, SIGABRT: process abort signal)'
    })
    expect(summary).toMatchObject({ passed: 1, failed: 1 })
  })

  it('keeps the end of a huge failure output, where the panic message is', () => {
    const noise = 'x'.repeat(MAX_TEST_OUTPUT)
    const { results } = collect(
      `\nrunning 1 test\ntest big ... FAILED\n\nfailures:\n\n---- big stdout ----\n${noise}\npanicked: the reason\n\n\nfailures:\n    big\n`
    )
    const output = results[0]?.output ?? ''
    expect(output).toMatch(/^\[\d+ earlier characters left out; the console shows everything\]\n/)
    expect(output.endsWith('panicked: the reason\n')).toBe(true)
    expect(output.length).toBeLessThan(MAX_TEST_OUTPUT + 100)
  })

  it('reports a harness without libtest (harness = false) as an empty suite', () => {
    const { results, summary } = collect('hello from a custom harness\n')
    expect(results).toEqual([])
    expect(summary).toMatchObject({ passed: 0, failed: 0, ignored: 0 })
  })
})

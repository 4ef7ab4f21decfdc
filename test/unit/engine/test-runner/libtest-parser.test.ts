import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LibtestParser, type LibtestEvent } from '../../../../src/main/engine/test-runner/libtest-parser'
import { ABORTED, BENCH, NOCAPTURE_ONE_THREAD, PRETTY, SHOW_OUTPUT, TERSE } from './libtest-fixtures'

function parse(chunks: readonly string[]): LibtestEvent[] {
  const p = new LibtestParser()
  return [...chunks.flatMap((c) => p.push(c)), ...p.end()]
}

const whole = (text: string) => parse([text])

function finished(events: readonly LibtestEvent[]) {
  return events.flatMap((e) => (e.kind === 'test-finished' ? [e] : []))
}

function captured(events: readonly LibtestEvent[], section = 'failures') {
  return Object.fromEntries(
    events.flatMap((e) => (e.kind === 'captured-output' && e.section === section ? [[e.name, e.text]] : []))
  )
}

describe('libtest parser: the default output', () => {
  const events = whole(PRETTY)

  it('reports each test with its outcome, without libtest’s " - should panic" mode', () => {
    expect(finished(events).map((e) => [e.name, e.outcome])).toEqual([
      ['tests::fails_too', 'failed'],
      ['tests::ignored_plain', 'ignored'],
      ['tests::ignored_reason', 'ignored'],
      ['tests::passes', 'ok'],
      ['tests::result_err', 'failed'],
      ['tests::should_panic_none', 'failed'],
      ['tests::should_panic_ok', 'ok'],
      ['tests::should_panic_wrong', 'failed'],
      ['tests::fails', 'failed']
    ])
  })

  it('keeps the reason of #[ignore = "…"]', () => {
    expect(finished(events).find((e) => e.name === 'tests::ignored_reason')?.ignoreReason).toBe('slow test')
    expect(finished(events).find((e) => e.name === 'tests::ignored_plain')).not.toHaveProperty('ignoreReason')
  })

  it('gives each failed test exactly what libtest captured for it', () => {
    const out = captured(events)
    expect(Object.keys(out)).toEqual([
      'tests::fails_too',
      'tests::result_err',
      'tests::should_panic_none',
      'tests::should_panic_wrong',
      'tests::fails'
    ])
    expect(out['tests::fails']).toBe(
      "some stdout\nsome stderr\n\nthread 'tests::fails' panicked at lib.rs:6:77:\n" +
        'assertion `left == right` failed\n  left: 3\n right: 4\n'
    )
    expect(out['tests::result_err']).toBe('Error: "bad"\n')
    // Output without a final newline: libtest's separator follows directly.
    expect(out['tests::should_panic_none']).toBe('note: test did not panic as expected at lib.rs:12:32')
    expect(out['tests::should_panic_wrong']).toMatch(/^\nthread .*\nxyz\n.*expected substring: "abc"$/s)
  })

  it('lists the failures and reads the summary', () => {
    expect(events.filter((e) => e.kind === 'listed').map((e) => e.kind === 'listed' && e.name)).toHaveLength(
      5
    )
    expect(events.find((e) => e.kind === 'summary')).toEqual({
      kind: 'summary',
      summary: { ok: false, passed: 2, failed: 5, ignored: 2, measured: 0, filteredOut: 0, elapsedMs: 0 }
    })
    expect(events[0]).toEqual({ kind: 'run-started', count: 9 })
  })

  it('has nothing left over as text', () => {
    expect(events.filter((e) => e.kind === 'text')).toEqual([])
  })
})

describe('libtest parser: one thread with --nocapture', () => {
  const events = whole(NOCAPTURE_ONE_THREAD)

  it('attributes what a test printed between its name and its outcome to it', () => {
    const byName = Object.fromEntries(finished(events).map((e) => [e.name, e]))
    expect(byName['tests::fails']).toMatchObject({ outcome: 'failed', output: 'some stdout\n' })
    expect(byName['tests::passes']).toMatchObject({ outcome: 'ok', output: 'hello from passes\n' })
    expect(byName['tests::fails_too']).not.toHaveProperty('output')
    expect(finished(events)).toHaveLength(9)
  })

  it('still reads the notes libtest captured itself', () => {
    expect(Object.keys(captured(events))).toEqual(['tests::should_panic_none', 'tests::should_panic_wrong'])
  })

  it('announces each test before it runs when the output arrives in pieces', () => {
    const p = new LibtestParser()
    expect(p.push('\nrunning 1 test\ntest slow::one ... ')).toEqual([
      { kind: 'run-started', count: 1 },
      { kind: 'test-started', name: 'slow::one' }
    ])
    expect(p.push('work')).toEqual([])
    expect(p.push(' done\nFAILED\n')).toEqual([
      { kind: 'test-finished', name: 'slow::one', outcome: 'failed', output: 'work done\n' }
    ])
  })

  it('finds an outcome glued to output that did not end its line', () => {
    const events = whole(
      '\nrunning 2 tests\ntest a ... partialok\ntest b ... no newlineFAILED\n\nfailures:\n'
    )
    expect(finished(events).map((e) => [e.name, e.outcome, e.output])).toEqual([
      ['a', 'ok', 'partial'],
      ['b', 'failed', 'no newline']
    ])
  })

  it('leaves the 60-second warning out of the test’s output', () => {
    const events = whole(
      '\nrunning 1 test\ntest slow ... test slow has been running for over 60 seconds\nok\n'
    )
    expect(finished(events)).toEqual([{ kind: 'test-finished', name: 'slow', outcome: 'ok' }])
  })
})

describe('libtest parser: other formats', () => {
  it('reads --quiet: failures by name, passes only in the summary', () => {
    const events = whole(TERSE)
    expect(finished(events).map((e) => e.name)).toEqual([
      'tests::fails',
      'tests::fails_too',
      'tests::result_err',
      'tests::should_panic_none',
      'tests::should_panic_wrong'
    ])
    expect(Object.keys(captured(events))).toHaveLength(5)
    expect(events.filter((e) => e.kind === 'text')).toEqual([])
  })

  it('reads --show-output: passing tests’ output is its own section', () => {
    const events = whole(SHOW_OUTPUT)
    expect(captured(events, 'successes')).toEqual({ 'tests::passes': 'hello from passes\n' })
    expect(Object.keys(captured(events))).toEqual(['tests::fails_too', 'tests::fails'])
    expect(events.filter((e) => e.kind === 'listed').map((e) => e.kind === 'listed' && e.section)).toEqual([
      'successes',
      'failures',
      'failures'
    ])
  })

  it('reads benchmarks with their padded names and measurements', () => {
    expect(finished(whole(BENCH))).toEqual([
      { kind: 'test-finished', name: 'a_test', outcome: 'ignored' },
      {
        kind: 'test-finished',
        name: 'bench_add',
        outcome: 'ok',
        bench: '13,388.36 ns/iter (+/- 8,587.99)'
      },
      {
        kind: 'test-finished',
        name: 'bench_longer_name_here',
        outcome: 'ok',
        bench: '2.25 ns/iter (+/- 19.71)'
      }
    ])
  })

  it('reads doctest names with their spaces and modes', () => {
    const events = whole(
      '\nrunning 2 tests\ntest src/lib.rs - add (line 3) ... ok\ntest src/lib.rs - Thing::new (line 9) - compile fail ... ok\n'
    )
    expect(finished(events).map((e) => e.name)).toEqual([
      'src/lib.rs - add (line 3)',
      'src/lib.rs - Thing::new (line 9)'
    ])
  })

  it('reads the shuffle seed and --report-time forms', () => {
    const events = whole('\nrunning 1 test (shuffle seed: 42)\ntest a ... ok <0.003s>\n')
    expect(events).toEqual([
      { kind: 'run-started', count: 1 },
      { kind: 'test-finished', name: 'a', outcome: 'ok' }
    ])
  })
})

describe('libtest parser: robustness', () => {
  it('reports the test that was running when the output stopped', () => {
    const p = new LibtestParser()
    p.push('\nrunning 2 tests\ntest t::a ... ok\ntest t::b ... about to abort\n')
    expect(p.end()).toEqual([{ kind: 'unfinished', name: 't::b', output: 'about to abort\n' }])
  })

  it('reports no test as running when a parallel harness dies', () => {
    const events = whole(ABORTED)
    expect(finished(events).map((e) => e.name)).toEqual(['t::a_first'])
    expect(events.some((e) => e.kind === 'unfinished' || e.kind === 'summary')).toBe(false)
  })

  it('keeps lines it does not understand as text, and output glued before a result line', () => {
    const events = whole('hello\n\nrunning 1 test\nhalf a linetest a ... ok\n{"type":"weird"}\n')
    expect(events).toEqual([
      { kind: 'text', text: 'hello' },
      { kind: 'run-started', count: 1 },
      { kind: 'text', text: 'half a line' },
      { kind: 'test-finished', name: 'a', outcome: 'ok' },
      { kind: 'text', text: '{"type":"weird"}' }
    ])
  })

  it('does not take a test’s printed "---- x stdout ----" for a new block', () => {
    const text =
      '\nrunning 1 test\ntest a ... FAILED\n\nfailures:\n\n---- a stdout ----\n---- b stdout ----\nmore\n\n\nfailures:\n    a\n\ntest result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out\n'
    expect(captured(whole(text))).toEqual({ a: '---- b stdout ----\nmore\n' })
  })

  it('copes with CRLF line ends', () => {
    expect(finished(whole('\r\nrunning 1 test\r\ntest a ... ok\r\n'))).toEqual([
      { kind: 'test-finished', name: 'a', outcome: 'ok' }
    ])
  })

  it('reads a very long line with many " ... " in it (a scan that backtracks would not finish)', () => {
    const long = `test ${'x ... y '.repeat(50_000)}`
    const events = whole(`\nrunning 1 test\n${long}\n`)
    expect(events.at(-1)).toMatchObject({ kind: 'unfinished', name: 'x' })
  })

  it('streams a long unterminated line in many chunks without rescanning it', () => {
    const p = new LibtestParser()
    p.push('\nrunning 1 test\ntest chatty ... ')
    for (let i = 0; i < 20_000; i++) expect(p.push('progress '.repeat(10))).toEqual([])
    const events = p.push('\nok\n')
    expect(events).toEqual([
      expect.objectContaining({ kind: 'test-finished', name: 'chatty', outcome: 'ok' })
    ])
  })

  it('gives the same results however the output is split into chunks', () => {
    const fixtures = [PRETTY, NOCAPTURE_ONE_THREAD, TERSE, SHOW_OUTPUT, BENCH, ABORTED]
    const stable = (events: readonly LibtestEvent[]) => events.filter((e) => e.kind !== 'test-started')
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.array(fc.nat(), { maxLength: 40 }), (text, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)
        const chunks = [0, ...points].map((p, i, all) => text.slice(p, all[i + 1] ?? text.length))
        expect(stable(parse(chunks))).toEqual(stable(whole(text)))
      }),
      { numRuns: 300 }
    )
  })
})

describe('libtest parser: output that never ends its line', () => {
  it('keeps only a bounded piece of an endless line, and still reads the result glued to it', () => {
    const p = new LibtestParser()
    const events: LibtestEvent[] = [...p.push('\nrunning 1 test\ntest spam ... ')]
    // 20 MiB without a newline, in 1 MiB chunks, then the outcome on the same line.
    const chunk = 'x'.repeat(1 << 20)
    for (let i = 0; i < 20; i++) events.push(...p.push(chunk))
    // The unfinished line the parser holds back stays bounded, whatever the test prints.
    expect((p as unknown as { rest: string }).rest.length).toBeLessThanOrEqual((1 << 20) + 4096)
    events.push(
      ...p.push('ok\n\ntest result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out\n')
    )
    events.push(...p.end())
    expect(finished(events).map((e) => [e.name, e.outcome])).toEqual([['spam', 'ok']])
    // What the parser held for the test stayed bounded (the console streamed the rest).
    const held = finished(events)[0]!.output ?? ''
    expect(held.length).toBeLessThanOrEqual(2 * (1 << 20) + 4096)
  })
})

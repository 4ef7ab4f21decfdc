import { describe, expect, it } from 'vitest'
import { progressText, progressTracker } from '../../../src/main/cli/progress-line'
import { createTerminal } from '../../../src/main/cli/terminal'

describe('the progress line', () => {
  it('draws cargo’s bar, naming what runs, cut to the terminal', () => {
    expect(progressText(0, 4, [], 80)).toBe(`    Building [>${' '.repeat(24)}] 0/4`)
    expect(progressText(2, 4, ['serde', 'syn'], 80)).toBe(
      `    Building [============>${' '.repeat(12)}] 2/4: serde, syn`
    )
    expect(progressText(4, 4, [], 80)).toBe(`    Building [${'='.repeat(25)}] 4/4`)
    expect(progressText(1, 4, ['a'.repeat(100)], 60)).toHaveLength(60)
  })

  it('is wiped before any other output and gone once every unit finished', () => {
    let err = ''
    const term = createTerminal(
      false,
      () => undefined,
      (t) => (err += t),
      true
    )
    const p = progressTracker(
      (line) => term.progress(line),
      () => 80
    )
    p.planned(2)
    p.started('u1', 'demo')
    term.status('Compiling', 'demo v0.1.0')
    p.finished('u1')
    p.started('u2', 'app')
    p.finished('u2')
    expect(err).toBe(
      `    Building [>${' '.repeat(24)}] 0/2` +
        `\r\x1b[K    Building [>${' '.repeat(24)}] 0/2: demo` +
        '\r\x1b[K   Compiling demo v0.1.0\n' +
        `    Building [============>${' '.repeat(12)}] 1/2` +
        `\r\x1b[K    Building [============>${' '.repeat(12)}] 1/2: app` +
        '\r\x1b[K'
    )
  })

  it('is never drawn when stderr is not a terminal', () => {
    let err = ''
    const term = createTerminal(
      false,
      () => undefined,
      (t) => (err += t),
      false
    )
    term.progress('    Building [>] 0/1')
    expect(err).toBe('')
  })
})

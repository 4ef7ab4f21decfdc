import { describe, expect, it } from 'vitest'
import type { OutputSource } from '@shared/models/build'
import { appendOutput } from '../../../src/renderer/src/features/build-console/append-output'
import type { ConsoleLine } from '../../../src/renderer/src/features/build-console/operation-state'

type Stream = 'stdout' | 'stderr'
type Chunk = readonly [text: string, stream?: Stream, source?: OutputSource]

/** Feeds chunks in order into one line list, as the reducer does. */
function feed(chunks: readonly Chunk[], lines: ConsoleLine[] = [], firstId = 0) {
  let nextId = firstId
  for (const [text, stream = 'stdout', source = 'program'] of chunks)
    nextId = appendOutput(lines, nextId, source, stream, text)
  return { lines, nextId }
}

function texts(lines: readonly ConsoleLine[]): string[] {
  return lines.map((l) => (l.kind === 'output' ? l.text : `<${l.kind}>`))
}

function line(
  id: number,
  text: string,
  open = false,
  stream: Stream = 'stdout',
  source: OutputSource = 'program'
) {
  return { kind: 'output', id, source, stream, text, open } as const
}

describe('appendOutput', () => {
  it('does nothing for an empty chunk and returns the id it was given', () => {
    const lines: ConsoleLine[] = []
    expect(appendOutput(lines, 17, 'program', 'stdout', '')).toBe(17)
    expect(lines).toEqual([])
  })

  it('an empty chunk does not close an open line', () => {
    const { lines } = feed([['abc'], ['']])
    expect(lines).toEqual([line(0, 'abc', true)])
  })

  it('turns one terminated line into one closed line', () => {
    const { lines, nextId } = feed([['hello\n']])
    expect(lines).toEqual([line(0, 'hello')])
    expect(nextId).toBe(1)
  })

  it('splits a chunk on every newline and numbers lines from the first id', () => {
    const { lines, nextId } = feed([['a\nb\nc\n']], [], 40)
    expect(lines).toEqual([line(40, 'a'), line(41, 'b'), line(42, 'c')])
    expect(nextId).toBe(43)
  })

  it('keeps empty lines, including a lone newline', () => {
    const { lines } = feed([['a\n\nb\n'], ['\n']])
    expect(texts(lines)).toEqual(['a', '', 'b', ''])
    expect(lines.every((l) => l.kind === 'output' && !l.open)).toBe(true)
  })

  it('leaves an unterminated last line open', () => {
    const { lines, nextId } = feed([['first\nsecond']])
    expect(lines).toEqual([line(0, 'first'), line(1, 'second', true)])
    expect(nextId).toBe(2)
  })

  it('continues an open line with the next chunk of the same stream and source, keeping its id', () => {
    const { lines, nextId } = feed([['Hel'], ['lo, '], ['world\nnext']])
    expect(lines).toEqual([line(0, 'Hello, world'), line(1, 'next', true)])
    expect(nextId).toBe(2)
  })

  it('closes an open line with a chunk that is just a newline, without adding a line', () => {
    const { lines, nextId } = feed([['prompt> '], ['\n']])
    expect(lines).toEqual([line(0, 'prompt> ')])
    expect(nextId).toBe(1)
  })

  it('does not continue a line of the other stream', () => {
    const { lines } = feed([['out'], ['err\n', 'stderr']])
    expect(lines).toEqual([line(0, 'out', true), line(1, 'err', false, 'stderr')])
  })

  it('does not continue a line of another source on the same stream', () => {
    const { lines } = feed([
      ['cargo:warning=', 'stdout', 'build-command'],
      ['hi\n', 'stdout', 'program']
    ])
    expect(lines).toEqual([
      line(0, 'cargo:warning=', true, 'stdout', 'build-command'),
      line(1, 'hi', false, 'stdout', 'program')
    ])
  })

  it('starts a new line when another stream wrote in between (only the last line can continue)', () => {
    const { lines } = feed([['abc'], ['err\n', 'stderr'], ['def\n']])
    expect(lines).toEqual([line(0, 'abc', true), line(1, 'err', false, 'stderr'), line(2, 'def')])
  })

  it('does not continue a closed line', () => {
    const { lines } = feed([['a\n'], ['b']])
    expect(lines).toEqual([line(0, 'a'), line(1, 'b', true)])
  })

  it('does not continue a line that is not output', () => {
    const lines: ConsoleLine[] = [{ kind: 'status', id: 0, verb: 'Running', detail: 'x', warning: false }]
    feed([['y\n']], lines, 1)
    expect(lines).toEqual([
      { kind: 'status', id: 0, verb: 'Running', detail: 'x', warning: false },
      line(1, 'y')
    ])
  })

  describe('carriage returns', () => {
    it('drop the \\r of CRLF line endings', () => {
      const { lines } = feed([['one\r\ntwo\r\n']])
      expect(texts(lines)).toEqual(['one', 'two'])
    })

    it('drop the \\r of a CRLF split across two chunks', () => {
      const { lines } = feed([['one\r'], ['\ntwo\n']])
      expect(lines).toEqual([line(0, 'one'), line(1, 'two')])
    })

    it('keep only the last redraw of a progress line within a chunk', () => {
      const { lines } = feed([['10%\r50%\r100%\n']])
      expect(lines).toEqual([line(0, '100%')])
    })

    it('keep only the last redraw when each redraw starts with \\r in its own chunk', () => {
      const { lines } = feed([['\rProgress 1/3'], ['\rProgress 2/3'], ['\rProgress 3/3'], ['\n']])
      expect(lines).toEqual([line(0, 'Progress 3/3')])
    })

    it('show the latest redraw while the line is still open', () => {
      const { lines } = feed([['\r10%'], ['\r20%']])
      expect(lines).toEqual([line(0, '20%', true)])
    })

    it('keep a redraw followed by CRLF', () => {
      const { lines } = feed([['a\rb\r\n']])
      expect(texts(lines)).toEqual(['b'])
    })

    // Known bug (see the report): an open line's trailing `\r` is stripped when it is stored,
    // so a redraw that *ends* with `\r` (`print!("{n}%\r")`) is appended to instead of replacing.
    // Today the line reads "10%20%30%". Flip to `it` once appendOutput keeps the pending `\r`.
    it('keep only the last redraw when each redraw ends with \\r in its own chunk', () => {
      const { lines } = feed([['10%\r'], ['20%\r'], ['30%\n']])
      expect(lines).toEqual([line(0, '30%')])
    })
  })

  it('handles a large multi-line chunk in one go', () => {
    const { lines, nextId } = feed([[Array.from({ length: 1000 }, (_, i) => `${i}\n`).join('')]])
    expect(lines).toHaveLength(1000)
    expect(nextId).toBe(1000)
    expect(lines[999]).toEqual(line(999, '999'))
  })
})

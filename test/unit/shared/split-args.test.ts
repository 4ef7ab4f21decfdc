import { describe, expect, it } from 'vitest'
import { splitArgs } from '../../../src/shared/format/split-args'

describe('splitArgs', () => {
  describe('empty input', () => {
    it.each(['', ' ', '   ', '\t', '\n', ' \t\r\n '])('gives no arguments for %j', (line) => {
      expect(splitArgs(line)).toEqual([])
    })
  })

  describe('whitespace', () => {
    it('splits on single spaces', () => {
      expect(splitArgs('run --release x')).toEqual(['run', '--release', 'x'])
    })

    it('treats runs of spaces, tabs and newlines as one separator', () => {
      expect(splitArgs('a  b\tc\n\nd \t e')).toEqual(['a', 'b', 'c', 'd', 'e'])
    })

    it('ignores leading and trailing whitespace', () => {
      expect(splitArgs('   --verbose   ')).toEqual(['--verbose'])
    })

    it('keeps a single word as one argument', () => {
      expect(splitArgs('hello')).toEqual(['hello'])
    })
  })

  describe('quotes', () => {
    it('groups words in single quotes', () => {
      expect(splitArgs("--name 'a b'")).toEqual(['--name', 'a b'])
    })

    it('groups words in double quotes', () => {
      expect(splitArgs('--name "a b"  c')).toEqual(['--name', 'a b', 'c'])
    })

    it('keeps whitespace inside quotes exactly, including tabs and repeated spaces', () => {
      expect(splitArgs('"  a \t b  "')).toEqual(['  a \t b  '])
    })

    it('keeps the other kind of quote literally inside quotes', () => {
      expect(splitArgs(`"it's" 'say "hi"'`)).toEqual(["it's", 'say "hi"'])
    })

    it('joins quoted and unquoted parts that touch into one argument', () => {
      expect(splitArgs(`--out="my dir"/file 'a'"b"c`)).toEqual(['--out=my dir/file', 'abc'])
    })

    it('keeps an empty quoted argument', () => {
      expect(splitArgs(`'' ""`)).toEqual(['', ''])
      expect(splitArgs(`a "" b`)).toEqual(['a', '', 'b'])
    })

    it('drops empty quotes that touch other text', () => {
      expect(splitArgs(`a''b ""c`)).toEqual(['ab', 'c'])
    })

    it('takes an unterminated quote to the end of the line', () => {
      expect(splitArgs(`a 'b c  d`)).toEqual(['a', 'b c  d'])
      expect(splitArgs(`a "`)).toEqual(['a', ''])
    })
  })

  describe('no escapes or expansion: what is typed is what the program receives', () => {
    it('keeps backslashes literally and does not let them escape a space', () => {
      expect(splitArgs('a\\ b')).toEqual(['a\\', 'b'])
    })

    it('keeps Windows paths intact', () => {
      expect(splitArgs('C:\\Users\\me\\in.txt "C:\\Program Files\\x"')).toEqual([
        'C:\\Users\\me\\in.txt',
        'C:\\Program Files\\x'
      ])
    })

    it('does not let a backslash escape a quote', () => {
      expect(splitArgs('"a\\" b')).toEqual(['a\\', 'b'])
    })

    it('does not expand variables, globs or tildes', () => {
      expect(splitArgs('$HOME ~/x *.rs ${A} `cmd`')).toEqual(['$HOME', '~/x', '*.rs', '${A}', '`cmd`'])
    })

    it('passes shell operators through as plain arguments', () => {
      expect(splitArgs('a | b > c && d;')).toEqual(['a', '|', 'b', '>', 'c', '&&', 'd;'])
    })
  })

  it('keeps non-ASCII text, including characters outside the BMP', () => {
    expect(splitArgs('héllo "日本 語" 🦀x')).toEqual(['héllo', '日本 語', '🦀x'])
  })

  it('returns a fresh array each call', () => {
    const first = splitArgs('a b')
    first.push('c')
    expect(splitArgs('a b')).toEqual(['a', 'b'])
  })
})

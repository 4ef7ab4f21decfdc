/** TOML text → plain object, with syntax errors turned into located, readable engine errors. */
import { parse, TomlError } from 'smol-toml'
import { EngineError } from '../errors'

export type TomlValue =
  string | number | bigint | boolean | Date | TomlObject | TomlValue[] | { toString(): string }
export interface TomlObject {
  [key: string]: TomlValue
}

/** Deeper nesting than any real manifest; bounds the parser's recursion on hostile input. */
const MAX_DEPTH = 64

/** Whether the 1-based position is the end of its line (where an unclosed string hits the newline). */
function endsLine(text: string, line: number, column: number): boolean {
  const lineText = text.split('\n')[line - 1]
  return lineText !== undefined && column - 1 >= lineText.replace(/\r$/, '').length
}

export function parseToml(text: string, file: string): TomlObject {
  try {
    return parse(text, { integersAsBigInt: 'asNeeded', maxDepth: MAX_DEPTH })
  } catch (e) {
    if (e instanceof TomlError) {
      // smol-toml's message repeats a code frame; keep the first line, the UI shows the source itself.
      const first = (e.message.split('\n')[0] ?? e.message).replace(/^Invalid TOML document: /, '')
      const reason =
        endsLine(text, e.line, e.column) && /control characters/.test(first)
          ? 'the string is not closed on this line: add the closing quote'
          : first
      throw new EngineError('manifest-parse', `Could not parse ${file}: ${reason}.`, {
        file,
        line: e.line,
        column: e.column,
        hint: 'Fix the TOML syntax at this line; see https://toml.io for the format.'
      })
    }
    if (e instanceof RangeError) {
      throw new EngineError('manifest-parse', `Could not parse ${file}: it is nested too deeply.`, { file })
    }
    throw e
  }
}

import { describe, expect, it } from 'vitest'
import { parseRustcLine, toDiagnostic } from '../../../../src/main/engine/compiler/rustc-messages'

describe("rustc's children under a diagnostic", () => {
  it('skips malformed ones: any JSON-looking stderr line reaches the parser', () => {
    const line = JSON.stringify({
      message: 'm',
      level: 'warning',
      spans: [],
      children: [{}, null, { message: 'x', level: 'help', spans: 'no' }]
    })
    const parsed = parseRustcLine(line)
    expect(parsed.type).toBe('diagnostic')
    if (parsed.type !== 'diagnostic') return
    expect(() => toDiagnostic(parsed.raw, 1, '/p', 'p', 'p')).not.toThrow()
    expect(toDiagnostic(parsed.raw, 1, '/p', 'p', 'p').children).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { suggestionText } from '../../../../src/renderer/src/features/build-console/model/diagnostic-suggestion'

describe('suggested fixes', () => {
  it('say what rustc would put there, or that it would remove the span', () => {
    expect(
      suggestionText({
        level: 'help',
        message: 'if this is intentional, prefix it with an underscore',
        replacement: '_x'
      })
    ).toBe('replace with `_x`')
    expect(
      suggestionText({ level: 'help', message: 'remove the unnecessary parentheses', replacement: '' })
    ).toBe('remove this')
    expect(
      suggestionText({ level: 'note', message: '`#[warn(unused_variables)]` on by default' })
    ).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { parseClientMessage } from '../../../src/main/bridge/socket-protocol'

describe('parseClientMessage', () => {
  it('accepts an invoke, with or without input', () => {
    expect(parseClientMessage('{"type":"invoke","id":3,"channel":"getAppInfo"}')).toEqual({
      kind: 'invoke',
      id: 3,
      channel: 'getAppInfo',
      input: undefined
    })
    expect(parseClientMessage('{"type":"invoke","id":0,"channel":"x","input":{"a":1}}')).toMatchObject({
      kind: 'invoke',
      input: { a: 1 }
    })
  })

  it.each([
    'not json',
    '[]',
    'null',
    '42',
    '{"type":"invoke","channel":"x"}',
    '{"type":"invoke","id":-1,"channel":"x"}'
  ])('gives no id for %s', (text) => {
    expect(parseClientMessage(text)).toMatchObject({ kind: 'malformed', id: null })
  })

  it.each([
    '{"type":"nope","id":7,"channel":"x"}',
    '{"type":"invoke","id":7}',
    '{"type":"invoke","id":7,"channel":""}',
    '{"type":"invoke","id":7,"channel":5}',
    '{"type":"invoke","id":7,"channel":"x","extra":1}'
  ])('keeps the id of a malformed %s so the page can be told', (text) => {
    expect(parseClientMessage(text)).toMatchObject({ kind: 'malformed', id: 7 })
  })
})

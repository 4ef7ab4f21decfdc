import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PersistentMap } from '../../../../../src/main/engine/resolver/resolve/persistent-map'

describe('PersistentMap', () => {
  it('behaves like a Map, and older versions never change', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.integer())), (ops) => {
        let map = PersistentMap.empty<number>()
        const model = new Map<string, number>()
        const history: [PersistentMap<number>, Map<string, number>][] = []
        for (const [k, v] of ops) {
          history.push([map, new Map(model)])
          map = map.set(k, v)
          model.set(k, v)
        }
        history.push([map, model])
        for (const [m, expected] of history) {
          expect(m.size).toBe(expected.size)
          for (const [k, v] of expected) expect(m.get(k)).toBe(v)
          expect(new Map(m.entries())).toEqual(expected)
        }
      })
    )
  })

  it('keeps keys whose hashes collide', () => {
    // `k32728` and `k261234` share their 32-bit FNV-1a hash.
    const map = PersistentMap.empty<number>().set('k32728', 1).set('k261234', 2).set('k1', 3)
    const updated = map.set('k261234', 20)
    expect([map.get('k32728'), map.get('k261234'), map.get('k1')]).toEqual([1, 2, 3])
    expect([updated.get('k32728'), updated.get('k261234'), updated.size]).toEqual([1, 20, 3])
  })

  it('holds many keys', () => {
    let map = PersistentMap.empty<number>()
    for (let i = 0; i < 5000; i++) map = map.set(`k${i}`, i)
    expect(map.size).toBe(5000)
    for (let i = 0; i < 5000; i += 7) expect(map.get(`k${i}`)).toBe(i)
    expect(map.get('missing')).toBeUndefined()
  })
})

/**
 * Setting an array that is already in the manifest keeps what stays: each element's spacing and
 * comments, one element per line where the array is laid out that way, its closing space.
 */
import { describe, expect, it } from 'vitest'
import { applyManifestEdits } from '../../../../../src/main/engine/manifest/edit/manifest-editor'

const set = (text: string, value: string[]) =>
  applyManifestEdits(text, '/ws/Cargo.toml', [{ op: 'set', path: ['workspace', 'members'], value }]).text

describe('setting an existing array', () => {
  it.each([
    [
      '[workspace]\nmembers = [\n    "b",\n    "a",\n]\n',
      ['b', 'a', 'c'],
      '[workspace]\nmembers = [\n    "b",\n    "a",\n    "c",\n]\n'
    ],
    [
      '[workspace]\nmembers = [\n    "b", # bee\n    # the a\n    "a"\n]\n',
      ['b', 'a', 'c'],
      '[workspace]\nmembers = [\n    "b", # bee\n    # the a\n    "a",\n    "c"\n]\n'
    ],
    [
      '[workspace]\nmembers = ["m", "z"] # sorted\n',
      ['k', 'm', 'z'],
      '[workspace]\nmembers = ["k", "m", "z"] # sorted\n'
    ],
    [
      '[workspace]\nmembers = [ "m", "z" ]\n',
      ['m', 'z', 'zz'],
      '[workspace]\nmembers = [ "m", "z", "zz" ]\n'
    ],
    ['[workspace]\nmembers = ["a", "b", "c"]\n', ['c', 'a'], '[workspace]\nmembers = ["c", "a"]\n'],
    ['[workspace]\nmembers = []\n', ['a'], '[workspace]\nmembers = ["a"]\n']
  ])('%j becomes %j', (text, value, expected) => {
    expect(set(text, value)).toBe(expected)
  })

  it('keeps comment lines of an element that goes', () => {
    expect(set('[workspace]\nmembers = [\n    # the b\n    "b",\n    "a",\n]\n', ['a'])).toContain('# the b')
  })
})

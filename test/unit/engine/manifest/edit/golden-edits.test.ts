/**
 * Golden in/out fixtures for every kind of edit, in the spirit of cargo's
 * tests/testsuite/cargo_add/*: test/fixtures/manifest-edits/<case>/ holds `in.toml`, `edit.json`
 * (`{ edits, error? }`) and `out.toml`. The add/remove outputs match what the real cargo writes
 * (the differential test checks the same shapes against cargo itself).
 *
 * `UPDATE_GOLDEN=1 npx vitest run golden-edits` rewrites `out.toml` from the current code; read
 * the diff before committing it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ManifestEdit } from '../../../../../src/shared/models/manifest-edit'
import { EngineError } from '../../../../../src/main/engine/errors'
import { applyManifestEdits } from '../../../../../src/main/engine/manifest/edit/manifest-editor'
import { FIXTURES } from '../../../../helpers/fixtures'

const ROOT = join(FIXTURES, 'manifest-edits')
const UPDATE = process.env.UPDATE_GOLDEN === '1'

interface Spec {
  readonly edits: readonly ManifestEdit[]
  readonly error?: { readonly code: string; readonly message: string }
}

const cases = readdirSync(ROOT).sort()

describe('golden manifest edits', () => {
  it('has fixtures for every kind of edit', () => {
    const ops = new Set(
      cases.flatMap((c) =>
        (JSON.parse(readFileSync(join(ROOT, c, 'edit.json'), 'utf8')) as Spec).edits.map((e) => e.op)
      )
    )
    expect([...ops].sort()).toEqual(
      [
        'add-dependency',
        'append-table',
        'delete',
        'modernize',
        'remove-dependency',
        'set',
        'set-raw-section'
      ].sort()
    )
  })

  it.each(cases)('%s', (name) => {
    const dir = join(ROOT, name)
    const input = readFileSync(join(dir, 'in.toml'), 'utf8')
    const spec = JSON.parse(readFileSync(join(dir, 'edit.json'), 'utf8')) as Spec
    const file = join(dir, 'Cargo.toml')
    if (spec.error) {
      let caught: unknown
      try {
        applyManifestEdits(input, file, spec.edits)
      } catch (e) {
        caught = e
      }
      expect(caught).toBeInstanceOf(EngineError)
      expect(caught).toMatchObject({ code: spec.error.code })
      expect((caught as Error).message).toContain(spec.error.message)
      return
    }
    const result = applyManifestEdits(input, file, spec.edits)
    const outFile = join(dir, 'out.toml')
    if (UPDATE) writeFileSync(outFile, result.text)
    expect(existsSync(outFile), `${name}/out.toml is missing (UPDATE_GOLDEN=1 writes it)`).toBe(true)
    expect(result.text).toBe(readFileSync(outFile, 'utf8'))
    expect(result.syntaxError).toBeUndefined()
  })
})

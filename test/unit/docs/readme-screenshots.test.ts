/**
 * The README's screenshots are the E2E suite's own: every image it shows is committed under
 * docs/screenshots/, listed in the script that copies them, and taken by an E2E test.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script without types.
import { README_SHOTS } from '../../../scripts/readme-screenshots.mjs'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const shown = [...readme.matchAll(/\(docs\/screenshots\/([\w-]+)\.png\)/g)].map((m) => m[1]!)
const shots = README_SHOTS as Record<string, string>

describe('README screenshots', () => {
  it('shows at least five, each committed and taken by the E2E test the script names', () => {
    expect(shown.length).toBeGreaterThanOrEqual(5)
    for (const name of shown) {
      expect(existsSync(join(ROOT, 'docs', 'screenshots', `${name}.png`)), name).toBe(true)
      const test = shots[name]
      expect(test, `${name} is not in scripts/readme-screenshots.mjs`).toBeDefined()
      expect(readFileSync(join(ROOT, test!), 'utf8')).toContain(`screenshot(page, '${name}')`)
    }
  })
})

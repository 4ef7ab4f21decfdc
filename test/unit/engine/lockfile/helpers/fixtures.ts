/** The cargo-written lock files in test/fixtures/lockfiles. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const DIR = join(import.meta.dirname, '..', '..', '..', '..', 'fixtures', 'lockfiles')

export function lockFixture(name: string): string {
  return readFileSync(join(DIR, `${name}.lock`), 'utf8')
}

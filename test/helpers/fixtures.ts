import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { fileTempDir, tempDir } from './temp-dir'

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures')

/** A private copy of a fixture directory, so builds never write into the repository. */
export async function copyFixture(name: string): Promise<string> {
  const dir = await tempDir()
  await cp(join(FIXTURES, name), dir, { recursive: true })
  return dir
}

/** As copyFixture, but kept until the test file ends. */
export async function copyFixtureForFile(name: string): Promise<string> {
  const dir = await fileTempDir()
  await cp(join(FIXTURES, name), dir, { recursive: true })
  return dir
}

import { mkdtemp, realpath, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach } from 'vitest'

const perTest: string[] = []
const perFile: string[] = []

async function make(prefix: string, list: string[]): Promise<string> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), prefix)))
  list.push(dir)
  return dir
}

/** A fresh directory (symlinks resolved), removed after the current test. */
export function tempDir(prefix = 'cs-test-'): Promise<string> {
  return make(prefix, perTest)
}

/** A fresh directory that lives until the test file ends, for flows that span several tests. */
export function fileTempDir(prefix = 'cs-test-'): Promise<string> {
  return make(prefix, perFile)
}

afterEach(async () => {
  for (const dir of perTest.splice(0)) await rm(dir, { recursive: true, force: true })
})

afterAll(async () => {
  for (const dir of perFile.splice(0)) await rm(dir, { recursive: true, force: true })
})

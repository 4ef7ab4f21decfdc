/**
 * The workspace fixtures (`test/fixtures/workspaces/<name>`), copied into a folder that lives as
 * long as the test file, with the offline source configuration both cargo and we read.
 */
import { cp, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { OFFLINE_CONFIG } from './cargo-offline'
import { fileTempDir } from './temp-dir'

export const WORKSPACE_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'workspaces')

/** A fresh copy of the fixture `name` (in a folder called `as`), ready to build offline. */
export async function offlineWorkspace(name: string, as: string = name): Promise<string> {
  const dir = join(await fileTempDir('cs-ws-'), as)
  await cp(join(WORKSPACE_FIXTURES, name), dir, { recursive: true })
  await mkdir(join(dir, '.cargo'))
  await writeFile(join(dir, '.cargo', 'config.toml'), OFFLINE_CONFIG)
  return dir
}

/**
 * The folder of the built main-process entries (`out/main`), wherever the bundler put the code
 * asking: commands load lazily, so their code may sit in `out/main/chunks`. Paths to the
 * renderer, the preload script and package.json are relative to this folder.
 */
import { basename, dirname } from 'node:path'

export function mainDir(): string {
  const here = import.meta.dirname
  return basename(here) === 'chunks' ? dirname(here) : here
}

/** The nearest Cargo.toml from a folder upward, as cargo finds the package it runs in. */
import { access } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'

export async function nearestManifest(from: string): Promise<string | undefined> {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'Cargo.toml')
    const found = await access(candidate).then(
      () => true,
      () => false
    )
    if (found) return candidate
    if (dirname(dir) === dir) return undefined
  }
}

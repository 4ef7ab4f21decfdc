/** Where build outputs go: cargo's `target/` layout, so both tools can share one directory. */
import { join } from 'node:path'
import type { Profile } from './profile'

export interface Layout {
  readonly targetDir: string
  /** target/<profile>: final, uplifted artifacts live here. */
  readonly dest: string
  readonly deps: string
  readonly build: string
  readonly incremental: string
  readonly examples: string
}

export function layoutFor(targetDir: string, profile: Profile): Layout {
  const dest = join(targetDir, profile.dirName)
  return {
    targetDir,
    dest,
    deps: join(dest, 'deps'),
    build: join(dest, 'build'),
    incremental: join(dest, 'incremental'),
    examples: join(dest, 'examples')
  }
}

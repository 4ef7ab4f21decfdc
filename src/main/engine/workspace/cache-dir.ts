/** Where git databases and registry caches live: CRATE_STUDIO_CACHE_DIR, else the XDG cache folder. */
import { homedir } from 'node:os'
import { join } from 'node:path'

export function cacheDirOf(env: Readonly<Record<string, string | undefined>>): string {
  return env.CRATE_STUDIO_CACHE_DIR || platformCacheDir(env)
}

/** The cache folder when neither the environment nor the app's settings choose one. */
export function platformCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'crate-studio')
}

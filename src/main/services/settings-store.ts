/**
 * The user's settings in `settings.json` in the config directory. Read fresh on every use (the
 * file is tiny, and an edit by hand then takes effect without a restart), written atomically,
 * and never lost: a file this version could not fully read is kept as `settings.json.bak`
 * before the first save replaces it.
 */
import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Settings, SettingsState } from '@shared/models/settings'
import { EngineError } from '../engine/errors'
import { platformCacheDir } from '../engine/workspace/cache-dir'
import { writeJsonFileAtomic } from './json-file'
import { readSettingsFile } from './settings-file'

export interface SettingsDefaults {
  readonly jobs: number
  readonly cacheDir: string
}

/** The cache folder the running services use, and whether the environment chose it. */
export interface CacheInUse {
  readonly dir: string
  readonly fromEnvironment: boolean
}

export class SettingsStore {
  readonly file: string
  /** Serializes saves so two quick changes cannot interleave their read-modify-write. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    configDir: string,
    private readonly defaults: SettingsDefaults,
    /** The cache folder the running services were created with. */
    private readonly cacheInUse: CacheInUse
  ) {
    this.file = join(configDir, 'settings.json')
  }

  async settings(): Promise<Settings> {
    return (await readSettingsFile(this.file)).settings
  }

  async state(): Promise<SettingsState> {
    const read = await readSettingsFile(this.file)
    return this.stateOf(read.settings, read.problems)
  }

  /** Applies a validated change and saves; returns the new state. */
  update(change: Partial<Settings>): Promise<SettingsState> {
    const next = this.queue.then(async () => {
      const read = await readSettingsFile(this.file)
      if (read.unreadable !== undefined)
        throw new EngineError(
          'io',
          `Settings were not saved: ${this.file} cannot be read (${read.unreadable}).`,
          {
            file: this.file,
            hint: 'Check the file’s permissions (or what holds it open), then save again.'
          }
        )
      if (read.damaged) await copyFile(this.file, `${this.file}.bak`)
      const settings: Settings = { ...read.settings, ...change }
      await writeJsonFileAtomic(this.file, { ...read.raw, ...settings })
      return this.stateOf(settings, [])
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  private stateOf(settings: Settings, problems: readonly string[]): SettingsState {
    return {
      settings,
      file: this.file,
      problems,
      defaults: this.defaults,
      cacheDirInUse: this.cacheInUse.dir,
      cacheDirFromEnvironment: this.cacheInUse.fromEnvironment
    }
  }
}

/**
 * The cache folder a starting app uses: CRATE_STUDIO_CACHE_DIR, then the setting, then the
 * platform's. Read once at start, since running services hold on to it.
 */
export async function startupCacheDir(
  configDir: string,
  env: Readonly<Record<string, string | undefined>>
): Promise<string> {
  if (env.CRATE_STUDIO_CACHE_DIR) return env.CRATE_STUDIO_CACHE_DIR
  return (await readSettingsFile(join(configDir, 'settings.json'))).settings.cacheDir ?? platformCacheDir(env)
}

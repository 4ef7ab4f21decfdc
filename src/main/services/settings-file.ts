/**
 * Reading settings.json forgivingly: each field is checked on its own, so one bad value (an
 * edit by hand, a newer version's format) costs only that field, which falls back to its
 * default with a problem that names the file, the line and the fix. Unknown fields are kept.
 */
import { readFile } from 'node:fs/promises'
import type { Settings } from '@shared/models/settings'
import { DEFAULT_EDITION } from '@shared/models/package'
import { settingsFields } from '@shared/ipc/settings-schema'

export const DEFAULT_SETTINGS: Settings = {
  edition: DEFAULT_EDITION,
  author: '',
  license: '',
  jobs: null,
  theme: 'system',
  editorCommand: '',
  cacheDir: null
}

export interface ReadSettings {
  readonly settings: Settings
  /** Everything in the file, known or not, so a save keeps what this version does not know. */
  readonly raw: Readonly<Record<string, unknown>>
  readonly problems: readonly string[]
  /** Whether the file held something a save would drop (bad JSON, bad values). */
  readonly damaged: boolean
  /** Set when the file is there but could not be read: a save would overwrite it unseen. */
  readonly unreadable?: string
}

/** The 1-based line of character `index` in `text`. */
function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length
}

/** The line where `"key":` is written, when it can be found. */
function lineOfKey(text: string, key: string): number | undefined {
  const at = text.search(new RegExp(`"${key}"\\s*:`))
  return at < 0 ? undefined : lineAt(text, at)
}

export async function readSettingsFile(file: string): Promise<ReadSettings> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      return { settings: DEFAULT_SETTINGS, raw: {}, problems: [], damaged: false }
    const why = (e as Error).message
    return {
      settings: DEFAULT_SETTINGS,
      raw: {},
      problems: [`${file}: cannot be read (${why}); using the default settings.`],
      damaged: false,
      unreadable: why
    }
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    const position = /position (\d+)/.exec((e as Error).message)
    const where = position ? `:${lineAt(text, Number(position[1]))}` : ''
    return {
      settings: DEFAULT_SETTINGS,
      raw: {},
      problems: [
        `${file}${where}: not valid JSON (${(e as Error).message}); using the default settings. Fix the file, or save settings from the app to replace it (the old file is kept as settings.json.bak).`
      ],
      damaged: true
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      settings: DEFAULT_SETTINGS,
      raw: {},
      problems: [`${file}:1: must hold a JSON object; using the default settings.`],
      damaged: true
    }
  }
  const record = raw as Record<string, unknown>
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  const problems: string[] = []
  for (const [key, schema] of Object.entries(settingsFields)) {
    if (!(key in record)) continue
    const parsed = schema.safeParse(record[key])
    if (parsed.success) settings[key] = parsed.data
    else {
      const line = lineOfKey(text, key)
      const why = parsed.error.issues[0]?.message ?? 'invalid value'
      problems.push(`${file}${line ? `:${line}` : ''}: "${key}" ${why}; using the default instead.`)
    }
  }
  return { settings: settings as unknown as Settings, raw: record, problems, damaged: problems.length > 0 }
}

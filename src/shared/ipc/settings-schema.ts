/**
 * The settings as a schema, used twice: main validates the settings file with it on load, and
 * every change from the (untrusted) renderer before it is saved.
 */
import { z } from 'zod'
import { EDITIONS } from '../models/package'
import { THEMES } from '../models/settings'
import { splitArgs } from '../format/split-args'
import { absolutePath, shortText } from './schema-primitives'

/**
 * One line of visible characters: no line breaks or tabs, and no Unicode format characters (a
 * right-to-left override could make the confirmation show another program than runs).
 */
const editorCommand = shortText(1000)
  .refine(
    (s) => !/[\p{Cc}\p{Cf}]/u.test(s),
    'must be one line of visible characters (no tabs, breaks or format characters)'
  )
  .refine(
    (s) => s.trim() === '' || splitArgs(s).some((a) => a.includes('{file}')),
    'must contain {file}, where the file to open goes'
  )

/** Each field with the message the Settings page and the load problems show. */
export const settingsFields = {
  edition: z.enum(EDITIONS),
  author: shortText(500),
  license: shortText(200),
  jobs: z.number().int().min(1).max(256).nullable(),
  theme: z.enum(THEMES),
  editorCommand,
  cacheDir: absolutePath.nullable()
}

/** A change from the Settings page: any subset of the fields, nothing else. */
export const settingsChange = z.strictObject(settingsFields).partial()

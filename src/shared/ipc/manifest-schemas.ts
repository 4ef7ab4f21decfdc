/** Input schemas for the manifest editor's channels (kept apart so contract.ts stays readable). */
import { z } from 'zod'
import type { ManifestEdit, TomlJson } from '../models/manifest-edit'
import { hasControlCharacters } from '../rules/control-characters'

/** A manifest's text from the renderer: bounded like the files the engine reads. */
export const manifestText = z.string().max(16 * 1024 * 1024)

const name = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !hasControlCharacters(s), 'must not contain control characters')

const MAX_DEPTH = 32

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_DEPTH) return depth
  if (Array.isArray(value)) return Math.max(depth, ...value.map((v) => depthOf(v, depth + 1)))
  if (typeof value === 'object' && value !== null) {
    return Math.max(depth, ...Object.values(value).map((v) => depthOf(v, depth + 1)))
  }
  return depth
}

/** Any TOML value as JSON, at most 32 levels deep (real manifests need 4). */
export const tomlJson: z.ZodType<TomlJson> = z.lazy(() =>
  z.union([
    z.string().max(1_000_000),
    z.number().refine(Number.isFinite, 'must be a finite number'),
    z.boolean(),
    z.array(tomlJson).max(10_000),
    z.record(z.string().max(1000), tomlJson)
  ])
)

const boundedToml = z.unknown().superRefine((v, ctx) => {
  if (depthOf(v) > MAX_DEPTH)
    ctx.addIssue({ code: 'custom', message: `must be at most ${MAX_DEPTH} levels deep` })
})

const keyPath = z
  .array(z.union([z.string().max(1000), z.number().int().min(0).max(100_000)]))
  .min(1)
  .max(MAX_DEPTH)

const dependencyTable = z.strictObject({
  kind: z.enum(['normal', 'dev', 'build']),
  target: z.string().min(1).max(500).optional()
})

const gitReference = z.strictObject({ type: z.enum(['branch', 'tag', 'rev']), value: name })

const dependencySpec = z.strictObject({
  source: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('registry'), version: name, registry: name.optional() }),
    z.strictObject({ type: z.literal('path'), path: z.string().min(1).max(4096), version: name.optional() }),
    z.strictObject({
      type: z.literal('git'),
      url: z.string().min(1).max(4096),
      reference: gitReference.optional(),
      version: name.optional()
    })
  ]),
  features: z.array(name).max(1000).optional(),
  defaultFeatures: z.boolean().optional(),
  optional: z.boolean().optional(),
  package: name.optional()
})

const edit = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('set'), path: keyPath, value: boundedToml.pipe(tomlJson) }),
  z.strictObject({ op: z.literal('delete'), path: keyPath }),
  z.strictObject({
    op: z.literal('append-table'),
    path: keyPath,
    value: boundedToml.pipe(z.record(z.string().max(1000), tomlJson))
  }),
  z.strictObject({ op: z.literal('add-dependency'), table: dependencyTable, name, spec: dependencySpec }),
  z.strictObject({ op: z.literal('remove-dependency'), table: dependencyTable, name }),
  z.strictObject({ op: z.literal('add-workspace-dependency'), name, spec: dependencySpec }),
  z.strictObject({
    op: z.literal('set-raw-section'),
    section: z.enum(['patch', 'replace', 'lints', 'badges']),
    text: manifestText
  }),
  z.strictObject({ op: z.literal('modernize') })
]) satisfies z.ZodType<ManifestEdit>

export const manifestEdits = z.array(edit).min(1).max(1000)

/** A sha256 in hex, as the snapshot gave it. */
export const contentHash = z.string().regex(/^[0-9a-f]{64}$/)

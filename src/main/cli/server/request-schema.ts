/** What the server accepts from a client, checked before anything runs. */
import { z } from 'zod'
import { REQUEST_LIMITS } from './frames'

const MAX_ARGS = REQUEST_LIMITS.args
const MAX_TEXT = REQUEST_LIMITS.valueBytes

export const clientMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('build'),
    argv: z.array(z.string().max(MAX_TEXT)).min(1).max(MAX_ARGS),
    cwd: z.string().min(1).max(MAX_TEXT).startsWith('/'),
    env: z.record(z.string().max(MAX_TEXT), z.string().max(MAX_TEXT)),
    stderrIsTty: z.boolean(),
    stderrColumns: z.number().int().min(1).max(100_000).optional()
  }),
  z.strictObject({
    kind: z.literal('exited'),
    exitCode: z.number().int().nullable(),
    signal: z.string().max(64).nullable(),
    error: z.string().max(MAX_TEXT).optional()
  }),
  z.strictObject({ kind: z.literal('cancel') }),
  z.strictObject({ kind: z.literal('status') }),
  z.strictObject({ kind: z.literal('stop') })
])

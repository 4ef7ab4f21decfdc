/** Zod building blocks every channel's input uses: the renderer is untrusted, so main bounds everything. */
import { z } from 'zod'
import { hasControlCharacters } from '../rules/control-characters'

/** An absolute path from the renderer: bounded, no NUL bytes. Main checks it further. */
export const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'must not contain NUL bytes')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'must be an absolute path')

export const shortText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !hasControlCharacters(s), 'must not contain control characters')

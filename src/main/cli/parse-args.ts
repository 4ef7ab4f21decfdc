/**
 * Command-line parsing over node:util's parseArgs. Options mirror cargo's where they overlap;
 * mistakes produce a usage error (exit status 1) rather than a stack trace.
 */
import { EngineError } from '../engine/errors'
import { parseArgs, type ParseArgsConfig } from 'node:util'

export class UsageError extends Error {
  override readonly name = 'UsageError'
}

type Options = NonNullable<ParseArgsConfig['options']>

export const COMMON_OPTIONS = {
  'manifest-path': { type: 'string' },
  verbose: { type: 'boolean', short: 'v', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'string' },
  offline: { type: 'boolean' },
  frozen: { type: 'boolean' },
  locked: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const satisfies Options

/** `-p/--package`, `--workspace` (cargo's older `--all` too) and `--exclude`. */
export const PACKAGE_OPTIONS = {
  package: { type: 'string', short: 'p', multiple: true },
  workspace: { type: 'boolean' },
  all: { type: 'boolean' },
  exclude: { type: 'string', multiple: true }
} as const satisfies Options

export interface PackageSelectionValues {
  readonly package?: string[]
  readonly workspace?: boolean
  readonly all?: boolean
  readonly exclude?: string[]
}

/** The selection as the engine takes it; `--exclude` means nothing without `--workspace`, as in cargo. */
export function packageSelectionOf(v: PackageSelectionValues): {
  packages?: string[]
  workspace?: boolean
  exclude?: string[]
} {
  const workspace = v.workspace === true || v.all === true
  // cargo reports this as an error (status 101), not a usage mistake.
  if (v.exclude && !workspace)
    throw new EngineError('invalid-input', '--exclude can only be used together with --workspace', {
      hint: 'Add --workspace, or name the packages to build with -p.'
    })
  return {
    ...(v.package ? { packages: v.package.flatMap((p) => p.split(',')).filter(Boolean) } : {}),
    ...(workspace ? { workspace: true } : {}),
    ...(v.exclude ? { exclude: v.exclude } : {})
  }
}

export const BUILD_OPTIONS = {
  ...COMMON_OPTIONS,
  release: { type: 'boolean', short: 'r' },
  profile: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  'keep-going': { type: 'boolean' },
  features: { type: 'string', short: 'F', multiple: true },
  'all-features': { type: 'boolean' },
  'no-default-features': { type: 'boolean' },
  'message-format': { type: 'string' }
} as const satisfies Options

/** `--target TRIPLE`: the platform `build` and `run` compile for (cargo's `--target`). */
export const TARGET_TRIPLE_OPTIONS = {
  target: { type: 'string', multiple: true }
} as const satisfies Options

export const TARGET_TRIPLE_HELP = `      --target <TRIPLE>        Build for the target triple
`

/** The one triple `--target` names; cargo takes several, which Crate Studio does not build yet. */
export function targetTripleOf(values: { readonly target?: readonly string[] }): string | undefined {
  const targets = values.target ?? []
  if (targets.length > 1)
    throw new UsageError(`only one \`--target\` at a time is supported (got ${targets.join(', ')})`)
  return targets[0]
}

type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>

export function parse<O extends Options>(args: readonly string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true })
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
}

/** Splits `a b -- c d` into the command's own arguments and the ones passed through. */
export function splitPassthrough(args: readonly string[]): { own: string[]; rest: string[] } {
  const at = args.indexOf('--')
  return at < 0 ? { own: [...args], rest: [] } : { own: args.slice(0, at), rest: args.slice(at + 1) }
}

export function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T
): T {
  if (value === undefined) return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`invalid value '${value}' for '--${name}': expected one of ${allowed.join(', ')}`)
}

export function integerIn(
  name: string,
  value: string | undefined,
  min: number,
  max: number
): number | undefined {
  if (value === undefined) return undefined
  const n = /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`invalid value '${value}' for '--${name}': expected a number from ${min} to ${max}`)
  }
  return n
}

export function positiveInt(name: string, value: string | undefined): number | undefined {
  return integerIn(name, value, 1, 1024)
}

/** `--features "a b,c"` (repeatable) → ["a", "b", "c"], as cargo splits them. */
export function featureList(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(/[\s,]+/)).filter(Boolean)
}

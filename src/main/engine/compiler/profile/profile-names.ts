/**
 * Which names a profile may have (cargo's `validate_profile_name`, RFC 2678): letters, digits,
 * `_` and `-`, and none of the names cargo keeps for itself or for its subcommands, compared
 * without case. Cargo.toml's `[profile.NAME]` keys and `--profile NAME` are checked alike.
 */
import { EngineError } from '../../errors'

const RESERVED: ReadonlySet<string> = new Set([
  'build',
  'check',
  'clean',
  'config',
  'fetch',
  'fix',
  'install',
  'metadata',
  'package',
  'publish',
  'report',
  'root',
  'run',
  'rust',
  'rustc',
  'rustdoc',
  'target',
  'tmp',
  'uninstall'
])

/** What is wrong with a profile name, in cargo's words, or undefined when it is allowed. */
export function profileNameProblem(
  name: string
): { readonly message: string; readonly hint: string } | undefined {
  const bad = [...name].find((ch) => !/^[\p{Alphabetic}\p{N}_-]$/u.test(ch))
  if (bad !== undefined)
    return {
      message: `invalid character \`${bad}\` in profile name: \`${name}\`, allowed characters are letters, numbers, underscore, and hyphen`,
      hint: 'Rename the profile using only letters, numbers, `_` and `-`.'
    }
  const lower = name.toLowerCase()
  if (lower === 'debug')
    return {
      message: `profile name \`${name}\` is reserved`,
      hint: 'To configure the default development profile, use the name `dev` as in [profile.dev].'
    }
  if (lower === 'build-override')
    return {
      message: `profile name \`${name}\` is reserved`,
      hint: 'To configure build dependency settings, use [profile.dev.build-override] and [profile.release.build-override].'
    }
  if (RESERVED.has(lower) || lower.startsWith('cargo'))
    return { message: `profile name \`${name}\` is reserved`, hint: 'Please choose a different name.' }
  return undefined
}

/**
 * The check `--profile NAME` gets before anything is read: a valid name, and not `doc`, which
 * exists only for cargo's own use.
 */
export function checkRequestedProfileName(name: string): void {
  if (name === 'doc')
    throw new EngineError(
      'invalid-input',
      'profile `doc` is reserved and not allowed to be explicitly specified',
      {
        hint: 'Use `dev`, `release` or a profile of your own.'
      }
    )
  const problem = profileNameProblem(name)
  if (problem) throw new EngineError('invalid-input', problem.message, { hint: problem.hint })
}

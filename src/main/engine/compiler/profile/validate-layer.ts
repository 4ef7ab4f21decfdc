/**
 * cargo's `validate_profile`: the rules a profile table must follow beyond its types. Overrides
 * (`package.*`, `build-override`) may not nest or set `panic`, `lto` or `rpath`; `dir-name` is
 * refused; nightly-only keys need a cargo feature; `panic` and `lto` strings are checked. Cargo.toml
 * profiles are checked when the manifest is read, configuration profiles when they are used.
 */
import type { ErrorCode } from '@shared/ipc/result'
import { EngineError } from '../../errors'
import { describeDefinition, locationOf, type Definition } from '../../config/config-value'
import type { ProfileLayer, ProfileWarning } from './profile-layer'

const FEATURES: Readonly<Record<string, string>> = {
  rustflags: 'profile-rustflags',
  'trim-paths': 'trim-paths',
  'codegen-backend': 'codegen-backend'
}

interface Check {
  readonly name: string
  readonly code: ErrorCode
}

function problem(check: Check, def: Definition, reason: string, hint: string): EngineError {
  return new EngineError(
    check.code,
    `Invalid profile \`${check.name}\` in ${describeDefinition(def)}: ${reason}`,
    { ...locationOf(def), hint }
  )
}

function checkUnstable(layer: ProfileLayer, check: Check): void {
  for (const [key, def] of layer.unstable ?? []) {
    const feature = FEATURES[key] ?? key
    throw problem(
      check,
      def,
      `feature \`${feature}\` is required`,
      `\`${key}\` is not stabilized in cargo 1.95: it needs a nightly cargo and \`cargo-features = ["${feature}"]\`. Remove it to build with stable cargo.`
    )
  }
}

function checkOverride(layer: ProfileLayer, which: 'package' | 'build-override', check: Check): void {
  const remove = (key: string): string =>
    `Remove \`${key}\` from the \`${which}\` table; set it on the profile itself.`
  if (layer.package)
    throw problem(check, layer.def, 'package-specific profiles cannot be nested', remove('package'))
  if (layer.buildOverride)
    throw problem(check, layer.def, 'build-override profiles cannot be nested', remove('build-override'))
  for (const [key, s] of [
    ['panic', layer.panic],
    ['lto', layer.lto],
    ['rpath', layer.rpath]
  ] as const)
    if (s)
      throw problem(check, s.def, `\`${key}\` may not be specified in a \`${which}\` profile`, remove(key))
  checkUnstable(layer, check)
}

/**
 * Refuses what cargo refuses in `[profile.NAME]` and returns its warnings (`doc` is deprecated,
 * `panic` is ignored for test and bench, `hint-mostly-unused` needs `-Z`). `code` says which
 * kind of error the caller raises: `manifest-invalid` for Cargo.toml, `invalid-input` for config.
 */
export function validateLayer(layer: ProfileLayer, name: string, code: ErrorCode): ProfileWarning[] {
  const check: Check = { name, code }
  const warnings: ProfileWarning[] = []
  const warn = (def: Definition, message: string): void => {
    warnings.push({ message, ...locationOf(def) })
  }
  checkUnstable(layer, check)
  if (layer.buildOverride) checkOverride(layer.buildOverride, 'build-override', check)
  for (const o of layer.package?.values() ?? []) checkOverride(o.layer, 'package', check)
  if (layer.dirName)
    throw problem(
      check,
      layer.dirName.def,
      `dir-name="${layer.dirName.value}" in profile \`${name}\` is not currently allowed, directory names are tied to the profile name for custom profiles`,
      'Remove `dir-name`: a custom profile builds into `target/<its name>/`.'
    )
  if (layer.inherits?.value === 'debug')
    throw problem(
      check,
      layer.inherits.def,
      `profile.${name}.inherits="debug" should be profile.${name}.inherits="dev"`,
      'The development profile is called `dev`; `debug` is only its directory.'
    )
  if (name === 'doc') warn(layer.def, 'profile `doc` is deprecated and has no effect')
  if ((name === 'test' || name === 'bench') && layer.panic)
    warn(layer.panic.def, `\`panic\` setting is ignored for \`${name}\` profile`)
  const panic = layer.panic
  if (panic && panic.value === 'immediate-abort')
    throw problem(
      check,
      panic.def,
      'feature `panic-immediate-abort` is required',
      '`panic = "immediate-abort"` needs a nightly cargo; use "abort" or "unwind".'
    )
  if (panic && panic.value !== 'unwind' && panic.value !== 'abort')
    throw problem(
      check,
      panic.def,
      `\`panic\` setting of \`${panic.value}\` is not a valid setting, must be \`unwind\`, \`abort\`, or \`immediate-abort\`.`,
      'Use `panic = "unwind"` or `panic = "abort"`.'
    )
  const lto = layer.lto
  if (lto && (lto.value === 'true' || lto.value === 'false'))
    throw problem(
      check,
      lto.def,
      `\`lto\` setting of string \`"${lto.value}"\` for \`${name}\` profile is not a valid setting, must be a boolean (\`true\`/\`false\`) or a string (\`"thin"\`/\`"fat"\`/\`"off"\`) or omitted.`,
      `Write \`lto = ${lto.value}\` without quotes.`
    )
  for (const l of [layer, layer.buildOverride, ...[...(layer.package?.values() ?? [])].map((o) => o.layer)])
    if (l?.hintMostlyUnused)
      warn(
        l.hintMostlyUnused.def,
        "ignoring 'hint-mostly-unused' profile option, pass `-Zprofile-hint-mostly-unused` to enable it"
      )
  return warnings
}

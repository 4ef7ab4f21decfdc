/**
 * The `cargo::` syntax for build-script instructions arrived in Rust 1.77; cargo refuses it from
 * a package whose `rust-version` says it supports older toolchains, and suggests the old syntax.
 */
import type { BuildScriptContext } from './build-output'
import { OUTPUT_DOCS, scriptError } from './script-error'
import { hasReservedPrefix } from './reserved-keys'

/**
 * cargo's check is `^1.77.0` matching the rust-version (missing parts read as 0), so `1.77`
 * passes and `1.76.9` does not. Throws for `data` (the line after `cargo::`) when it fails.
 */
export function checkNewSyntaxMsrv(ctx: BuildScriptContext, data: string, line: number): void {
  const msrv = ctx.rustVersion
  if (msrv === undefined) return
  const [major, minor] = msrv.split('.').map((p) => Number(p))
  if (major === 1 && (minor ?? 0) >= 77) return
  const suggestion = hasReservedPrefix(data)
    ? `Switch to the old \`cargo:${data}\` syntax (note the single colon).\n`
    : data.startsWith('metadata=')
      ? `Switch to the old \`cargo:${data.slice('metadata='.length)}\` syntax instead of \`cargo::${data}\` (note the single colon).\n`
      : ''
  throw scriptError(
    ctx,
    line,
    `the \`cargo::\` syntax for build script output instructions was added in Rust 1.77.0, ` +
      `but the minimum supported Rust version of \`${ctx.packageDescr}\` is ${msrv}.\n${suggestion}`.trimEnd(),
    `Raise \`rust-version\` to 1.77 or later, or print the old \`cargo:\` syntax. ${OUTPUT_DOCS}`
  )
}

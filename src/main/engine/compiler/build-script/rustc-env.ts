/**
 * `rustc-env=VAR=VALUE`: a variable for compiling the package. Scripts may not set
 * RUSTC_BOOTSTRAP (it would unlock nightly features on stable) unless cargo's own
 * environment or a nightly toolchain already allows it.
 */
import type { BuildScriptContext } from './build-output'
import { syntaxPrefix, type Collected, type Instruction } from './instruction'
import { parseRustcEnv } from './link-values'
import { scriptError, whence } from './script-error'

/** Adds the variable, or a warning, or throws cargo's error for RUSTC_BOOTSTRAP. */
export function addRustcEnv(ins: Instruction, ctx: BuildScriptContext, out: Collected): void {
  const pair = parseRustcEnv(ins.value)
  if (!pair) {
    throw scriptError(
      ctx,
      ins.lineNo,
      `Variable rustc-env has no value in ${whence(ctx)}: ${ins.value}`,
      `Print \`${syntaxPrefix(ins)}rustc-env=VAR=VALUE\`.`
    )
  }
  if (pair.key !== 'RUSTC_BOOTSTRAP') {
    out.env.push(pair)
    return
  }
  const text =
    `cannot set \`RUSTC_BOOTSTRAP=${pair.value}\` from ${whence(ctx)}.\n` +
    'note: crates cannot set `RUSTC_BOOTSTRAP` themselves, as doing so would subvert the stability guarantees of Rust for your project.'
  if (ctx.nightlyFeaturesAllowed || bootstrapAllows(ctx)) {
    out.logMessages.push({ severity: 'warning', message: text })
    return
  }
  const help = `If you're sure you want to do this in your project, set the environment variable \`RUSTC_BOOTSTRAP=${ctx.libraryName ?? '1'}\` before running cargo instead.`
  throw scriptError(ctx, ins.lineNo, `${text}\nhelp: ${help}`, help)
}

/** `RUSTC_BOOTSTRAP=a,b` in cargo's environment lets the libraries named there set it. */
function bootstrapAllows(ctx: BuildScriptContext): boolean {
  const name = ctx.libraryName
  return name !== undefined && (ctx.rustcBootstrapEnv ?? '').split(',').includes(name)
}

/**
 * The `rustc-link-arg*` instructions: each names the targets its argument is for, and cargo
 * checks that the package has such a target (a missing cdylib is only a warning, for history).
 */
import type { BuildScriptContext, LogMessage, ScriptTarget } from './build-output'
import { syntaxPrefix, type Collected, type Instruction } from './instruction'
import { scriptError, whence } from './script-error'

/** Whether the lib target builds a cdylib. */
export function isCdylib(t: ScriptTarget): boolean {
  return t.kind === 'lib' && t.crateTypes.includes('cdylib')
}

/** cargo's warning for cdylib link args in a package without a cdylib (allowed since 1.50). */
export function cdylibWarning(ins: Instruction, ctx: BuildScriptContext): LogMessage {
  return {
    severity: 'warning',
    message:
      `${syntaxPrefix(ins)}${ins.key} was specified in the build script of ${ctx.packageDescr}, ` +
      'but that package does not contain a cdylib target\n\n' +
      'Allowing this was an unintended change in the 1.50 release, and may become an error in the future. ' +
      'For more information, see <https://github.com/rust-lang/cargo/issues/9562>.'
  }
}

/** `rustc-link-arg-{bins,tests,benches,examples}`: an error if the package has no such target. */
export function addForKind(
  ins: Instruction,
  ctx: BuildScriptContext,
  out: Collected,
  kindName: string,
  matches: (t: ScriptTarget) => boolean,
  type: 'bins' | 'tests' | 'benches' | 'examples'
): void {
  if (!ctx.targets.some(matches)) {
    throw scriptError(
      ctx,
      ins.lineNo,
      `invalid instruction \`${syntaxPrefix(ins)}${ins.key}\` from ${whence(ctx)}\n` +
        `The package ${ctx.packageDescr} does not have a ${kindName} target.`,
      `Add a ${kindName} target to the package, or stop printing \`${syntaxPrefix(ins)}${ins.key}\`.`
    )
  }
  out.linkerArgs.push({ target: { type }, arg: ins.value })
}

/** `rustc-link-arg-bin=BIN=ARG`: BIN must be one of the package's binaries. */
export function addForBin(ins: Instruction, ctx: BuildScriptContext, out: Collected): void {
  const eq = ins.value.indexOf('=')
  if (eq < 0) {
    throw scriptError(
      ctx,
      ins.lineNo,
      `invalid instruction \`${syntaxPrefix(ins)}${ins.key}=${ins.value}\` from ${whence(ctx)}\n` +
        `The instruction should have the form ${syntaxPrefix(ins)}${ins.key}=BIN=ARG`
    )
  }
  const bin = ins.value.slice(0, eq)
  if (!ctx.targets.some((t) => t.kind === 'bin' && t.name === bin)) {
    throw scriptError(
      ctx,
      ins.lineNo,
      `invalid instruction \`${syntaxPrefix(ins)}${ins.key}\` from ${whence(ctx)}\n` +
        `The package ${ctx.packageDescr} does not have a bin target with the name \`${bin}\`.`,
      'Name one of the package’s binaries, or use `rustc-link-arg-bins` for all of them.'
    )
  }
  out.linkerArgs.push({ target: { type: 'bin', bin }, arg: ins.value.slice(eq + 1) })
}

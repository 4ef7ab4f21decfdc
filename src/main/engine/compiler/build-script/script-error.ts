/**
 * Errors for build-script output that cargo rejects: cargo's wording, plus where the line is
 * (the saved output file and its line number) and how to fix the script.
 */
import { EngineError } from '../../errors'
import type { BuildScriptContext } from './build-output'

/** cargo's pointer to the reference, which ends most of its messages about script output. */
export const OUTPUT_DOCS =
  'See https://doc.rust-lang.org/cargo/reference/build-scripts.html#outputs-of-the-build-script ' +
  'for more information about build script outputs.'

/** `build script of `p v0.1.0 (/work/p)``: how cargo names the script in its messages. */
export function whence(ctx: BuildScriptContext): string {
  return `build script of \`${ctx.packageDescr}\``
}

/** An error about line `line` (1-based) of the script's stdout. */
export function scriptError(
  ctx: BuildScriptContext,
  line: number,
  message: string,
  hint: string = OUTPUT_DOCS
): EngineError {
  return new EngineError('build-failed', message, {
    ...(ctx.file ? { file: ctx.file, line } : {}),
    hint
  })
}

/**
 * The errors a broken Cargo.lock produces: located at the line when there is one, in plain words,
 * and always with the way out that cargo users know: the file is generated, so deleting it
 * gets a fresh one.
 */
import { EngineError } from '../errors'

export const REGENERATE_HINT =
  'Cargo.lock is generated: fix this line, or delete Cargo.lock and it is written again on the next build (dependencies may move to newer compatible versions).'

/** `reason` without a trailing period; `line` 1-based. */
export function lockfileError(
  file: string,
  reason: string,
  line?: number,
  hint = REGENERATE_HINT
): EngineError {
  const where = line === undefined ? file : `${file}:${line}`
  return new EngineError('manifest-parse', `Could not read the lock file ${where}: ${reason}.`, {
    file,
    ...(line === undefined ? {} : { line }),
    hint
  })
}

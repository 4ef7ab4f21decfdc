/** `--dev`, `--build`, `--target`: which dependency table `add` and `remove` work on. */
import type { DependencyTable } from '@shared/models/manifest-edit'
import { UsageError } from './parse-args'

export function tableOf(values: {
  readonly dev?: boolean
  readonly build?: boolean
  readonly target?: string
}): DependencyTable {
  if (values.dev && values.build) throw new UsageError("the argument '--dev' cannot be used with '--build'")
  if (values.target === '')
    throw new UsageError("a value is required for '--target <TARGET>' but none was supplied")
  const kind = values.dev ? 'dev' : values.build ? 'build' : 'normal'
  return values.target === undefined ? { kind } : { kind, target: values.target }
}

export const SECTION_HELP = `Section:
      --dev                    Use the dev-dependencies table
      --build                  Use the build-dependencies table
      --target <TARGET>        Use the dependencies table of the given target platform (a cfg() or a triple)
`

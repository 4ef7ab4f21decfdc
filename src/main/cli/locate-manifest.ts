/** `--manifest-path`, or the nearest Cargo.toml from the current directory upward, as cargo finds it. */
import { access } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { EngineError } from '../engine/errors'

export async function locateManifest(manifestPath: string | undefined, cwd: string): Promise<string> {
  if (manifestPath !== undefined) {
    const path = resolve(cwd, manifestPath)
    if (basename(path) !== 'Cargo.toml') {
      throw new EngineError('invalid-input', `the manifest-path must be a path to a Cargo.toml file: ${path}`)
    }
    return path
  }
  let dir = resolve(cwd)
  for (;;) {
    const candidate = join(dir, 'Cargo.toml')
    try {
      await access(candidate)
      return candidate
    } catch {
      const parent = dirname(dir)
      if (parent === dir) {
        throw new EngineError(
          'not-found',
          `could not find \`Cargo.toml\` in \`${resolve(cwd)}\` or any parent directory`,
          {
            hint: 'Run the command inside a package, pass --manifest-path, or create one with `crate-studio new NAME`.'
          }
        )
      }
      dir = parent
    }
  }
}

/** `--manifest-path`, or the nearest Cargo.toml from the current directory upward, as cargo finds it. */
import { basename, resolve } from 'node:path'
import { EngineError } from '../engine/errors'
import { nearestManifest } from '../engine/manifest/nearest-manifest'

export async function locateManifest(manifestPath: string | undefined, cwd: string): Promise<string> {
  if (manifestPath !== undefined) {
    const path = resolve(cwd, manifestPath)
    if (basename(path) !== 'Cargo.toml') {
      throw new EngineError('invalid-input', `the manifest-path must be a path to a Cargo.toml file: ${path}`)
    }
    return path
  }
  const found = await nearestManifest(cwd)
  if (found) return found
  throw new EngineError(
    'not-found',
    `could not find \`Cargo.toml\` in \`${resolve(cwd)}\` or any parent directory`,
    {
      hint: 'Run the command inside a package, pass --manifest-path, or create one with `crate-studio new NAME`.'
    }
  )
}

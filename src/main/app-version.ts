/** The app's version from package.json, found relative to the bundle (out/main → ../..). */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { mainDir } from './main-dir'

export function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(mainDir(), '..', '..', 'package.json'), 'utf8')) as {
      version?: string
    }
    return pkg.version ?? '0.0.0'
  } catch {
    return '0.0.0'
  }
}

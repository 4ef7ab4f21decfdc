/** Cargo's package ID spec strings, as `cargo metadata` and `--message-format json` print them. */
import { pathSourceUrl } from '../tools/paths'

/** `path+file:///dir#0.1.0`, or `path+file:///dir#name@0.1.0` when the directory is named otherwise. */
export function pathPackageId(dir: string, name: string, version: string): string {
  const url = pathSourceUrl(dir)
  const last = decodeURIComponent(url.slice(url.lastIndexOf('/') + 1))
  return last === name ? `path+${url}#${version}` : `path+${url}#${name}@${version}`
}

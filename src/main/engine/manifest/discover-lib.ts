/** The library target: `[lib]`/`[[lib]]` as declared, or src/lib.rs by convention. */
import { join, resolve } from 'node:path'
import { crateNameOf } from '@shared/rules/package-name'
import { makeTarget, type DiscoveryContext } from './discovery-context'
import type { Target } from './model'

export async function discoverLib({
  manifest,
  fail,
  warn,
  files
}: DiscoveryContext): Promise<Target | undefined> {
  const root = manifest.rootDir
  const inferred = join(root, 'src', 'lib.rs')
  const decl = manifest.lib
  const hasInferred = await files.isFile(inferred)
  if (!decl && !hasInferred) return undefined
  const name = decl?.name ?? crateNameOf(manifest.package.name)
  if (name.trim() === '') throw fail('Library target names cannot be empty.', decl?.line)
  if (name.includes('-')) {
    throw fail(
      `Library target names cannot contain hyphens: \`${name}\`.`,
      decl?.line,
      `Use \`${crateNameOf(name)}\`.`
    )
  }
  let path = decl?.path !== undefined ? resolve(root, decl.path) : hasInferred ? inferred : undefined
  if (path === undefined) {
    const legacy = join(root, 'src', `${name}.rs`)
    if (manifest.package.edition !== '2015' || !(await files.isFile(legacy))) {
      throw fail(
        `Can't find library \`${name}\`.`,
        decl?.line,
        'Rename the file to `src/lib.rs` or set `path` in `[lib]`.'
      )
    }
    warn(
      `path \`src/${name}.rs\` was erroneously implicitly accepted for library \`${name}\`; please rename the file to \`src/lib.rs\` or set lib.path in Cargo.toml`,
      decl?.line
    )
    path = legacy
  }
  let crateTypes: readonly string[] = decl?.procMacro ? ['proc-macro'] : ['lib']
  if (decl?.crateTypes) {
    if (decl.crateTypes.includes('dylib') && decl.crateTypes.includes('cdylib'))
      throw fail(`Library \`${name}\` cannot set the crate type of both \`dylib\` and \`cdylib\`.`, decl.line)
    if (decl.crateTypes.includes('proc-macro') && decl.crateTypes.length > 1)
      throw fail('Cannot mix the `proc-macro` crate type with others.', decl.line)
    crateTypes = decl.crateTypes
  }
  return makeTarget(manifest, 'lib', name, path, crateTypes, decl)
}

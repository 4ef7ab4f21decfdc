/**
 * The error when a dependency cannot be activated, worded as cargo words it (`errors.rs`):
 * the versions that matched and what each conflicted with, or the versions that exist when
 * none matched, or that no package has that name; always with the path from the root.
 */
import { join } from 'node:path'
import { EngineError } from '../../errors'
import type { SourceId } from '../../sources/source-id'
import type { Summary } from '../../sources/summary'
import type { SourceDescription } from './resolve-types'
import type { ConflictMap, ConflictReason } from './conflicts'
import type { Dep } from './dependency'
import { describePath, pathToRoot } from './describe-path'
import { featureMap } from './feature-requirements'
import { comparePackageIds, displaySource, summaryId, summaryKey } from './package-keys'
import type { RegistryQueryer } from './registry-queryer'
import type { ResolverContext } from './resolver-context'
import { compareVersions } from './version-order'

export interface ErrorContext {
  readonly cx: ResolverContext
  readonly queryer: RegistryQueryer
  readonly describeSource?: (id: SourceId) => SourceDescription
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return row[b.length]!
}

function closest(name: string, choices: Iterable<string>): string | undefined {
  let best: { d: number; name: string } | undefined
  for (const c of choices) {
    const d = editDistance(name, c)
    if (d <= 3 && (!best || d < best.d)) best = { d, name: c }
  }
  return best?.name
}

/** The root's Cargo.toml, when the path ends at a path package: where the user can act. */
function rootManifest(
  steps: ReturnType<typeof pathToRoot>,
  known: (key: string) => Summary
): string | undefined {
  const last = steps[steps.length - 1]
  const source = last ? known(last.key).source : undefined
  return source?.kind === 'path' ? join(source.path, 'Cargo.toml') : undefined
}

function featureLine(parentName: string, dep: Dep, feature: string): string {
  return `\n\npackage \`${parentName}\` depends on \`${dep.packageName}\` with feature \`${feature}\` but \`${dep.packageName}\` does not have that feature.\n`
}

function conflictText(
  ctx: ErrorContext,
  dep: Dep,
  candidates: readonly Summary[],
  entries: readonly [Summary, ConflictReason][]
): string {
  const known = (key: string) => ctx.queryer.known.get(key)!
  let msg = ''
  let semver = false
  for (const [p, r] of entries) {
    switch (r.type) {
      case 'semver':
        semver = true
        break
      case 'links':
        msg += `\n\npackage \`${dep.packageName}\` links to the native library \`${r.links}\`, but it conflicts with a previous package which links to \`${r.links}\` as well:\n`
        msg += describePath(pathToRoot(ctx.cx, summaryKey(p)), known)
        msg += `\nOnly one package in the dependency graph may specify the same links value. This helps ensure that only one copy of a native library is linked in the final binary. Try to adjust your dependencies so that only one package uses the \`links = "${r.links}"\` value. For more information, see https://doc.rust-lang.org/cargo/reference/resolver.html#links.`
        break
      case 'missing-feature': {
        msg += featureLine(p.name, dep, r.feature)
        const latest = candidates[candidates.length - 1]!
        const features = [...featureMap(latest, ctx.queryer.depsOf(latest)).keys()].sort()
        const near = closest(r.feature, features)
        if (near !== undefined) msg += ` package \`${dep.packageName}\` does have feature \`${near}\`\n`
        else if (features.length > 0) msg += ` available features: ${features.join(', ')}\n`
        break
      }
      case 'required-dependency-as-feature':
        msg += `${featureLine(p.name, dep, r.feature)} A required dependency with that name exists, but only optional dependencies can be used as features.\n`
        break
      case 'non-implicit-dependency-as-feature':
        msg += `${featureLine(p.name, dep, r.feature)} An optional dependency with that name exists, but that dependency uses the "dep:" syntax in the features table, so it does not have an implicit feature with that name.\n`
        break
    }
  }
  if (semver) {
    msg += '\n\nall possible versions conflict with previously selected packages.'
    for (const [p, r] of entries)
      if (r.type === 'semver')
        msg += `\n\n  previously selected ${describePath(pathToRoot(ctx.cx, summaryKey(p)), known)}`
  }
  return msg
}

/** cargo's `activation_error`, as an `EngineError` whose file is the root manifest involved. */
export async function activationError(
  ctx: ErrorContext,
  parent: Summary,
  dep: Dep,
  conflicting: ConflictMap,
  candidates: readonly Summary[]
): Promise<EngineError> {
  const known = (key: string) => ctx.queryer.known.get(key)!
  const steps = pathToRoot(ctx.cx, summaryKey(parent))
  const file = rootManifest(steps, known)
  const where = describePath(steps, known)
  const lockedNote = dep.locked !== undefined ? `(locked to ${dep.locked}) ` : ''

  if (candidates.length > 0) {
    const entries = [...conflicting]
      .map(([k, r]) => [known(k), r] as [Summary, ConflictReason])
      .sort((a, b) => comparePackageIds(summaryId(b[0]), summaryId(a[0])))
    const versions = candidates.map((c) => c.version).join(', ')
    let msg = `failed to select a version for \`${dep.packageName}\`.\n    ... required by ${where}\nversions that meet the requirements \`${dep.reqText}\` ${lockedNote}are: ${versions}`
    msg += conflictText(ctx, dep, candidates, entries)
    msg += `\n\nfailed to select a version for \`${dep.packageName}\` which could resolve this conflict`
    const links = entries.some(([, r]) => r.type === 'links')
    return new EngineError('conflict', msg, {
      ...(file ? { file } : {}),
      hint: links
        ? 'Two packages link the same native library; depend on only one of them.'
        : 'The dependency graph asks for incompatible versions: loosen one of the requirements above, or update the package that holds the older one (`update -p <name>`).'
    })
  }

  const source = ctx.describeSource?.(dep.source) ?? { text: displaySource(dep.source), replaced: false }
  const { all, yanked } = await ctx.queryer.versionsForError(dep)
  const locked = dep.locked !== undefined ? ` (locked to ${dep.locked})` : ''
  let msg: string
  const hints: string[] = []
  if (yanked.length > 0) {
    msg = `failed to select a version for the requirement \`${dep.packageName} = "${dep.reqText}"\`${locked}\n`
    for (const s of [...yanked].sort((a, b) => compareVersions(a.version, b.version)))
      msg += `  version ${s.version} is yanked\n`
    hints.push('Every matching version is yanked: require another version.')
  } else if (all.length > 0) {
    const sorted = [...all].sort((a, b) => compareVersions(b.version, a.version))
    const shown = sorted.slice(0, 3).map((s) => s.version)
    if (sorted.length > 3) shown.push('...')
    msg = `failed to select a version for the requirement \`${dep.packageName} = "${dep.reqText}"\`${locked}\ncandidate versions found which didn't match: ${shown.join(', ')}\n`
    const pre = sorted.find((s) => s.version.includes('-'))
    if (pre)
      hints.push(
        `if you are looking for the prerelease package it needs to be specified explicitly\n    ${pre.name} = { version = "${pre.version}" }`
      )
    if (dep.source.kind === 'path' && dep.locked !== undefined)
      hints.push("consider running `cargo update` to update a path dependency's locked version")
    if (source.replaced) hints.push('perhaps a crate was updated and forgotten to be re-vendored?')
    if (hints.length === 0) hints.push('Change the requirement to match one of the versions listed.')
  } else {
    msg = `no matching package named \`${dep.packageName}\` found\n`
    hints.push(`Check the name \`${dep.packageName}\` and where it should come from.`)
  }
  msg += `location searched: ${source.text}\nrequired by ${where}`
  return new EngineError('not-found', msg, { ...(file ? { file } : {}), hint: hints.join('\n') })
}

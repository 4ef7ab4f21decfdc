/**
 * Which workspace members a command resolves, and with which of its feature flags: cargo's
 * `members_with_features`. Resolver 2 (and virtual workspaces) give each selected member the
 * flags it understands (`feat`, `dep/feat`, `member/feat`) and reject flags no member has;
 * resolver 1 keeps the old rule where flags apply to the current package only.
 */
import { EngineError } from '../../errors'
import type { Summary } from '../../sources/summary'
import type { PackageId } from '../resolve/resolve-types'
import { type CliFeatures, compareFeatureValues } from './cli-features'
import { featureMapOf } from './feature-map'
import { formatFeatureValue, type FeatureValue } from './feature-value'
import { compareStrings } from './package-order'

export interface WorkspaceMember {
  /** `packageIdKey` of the member. */
  readonly key: string
  readonly id: PackageId
  readonly summary: Summary
}

/** A `-p SPEC` as far as member selection needs it. */
export interface MemberSelector {
  readonly name: string
  matches(id: PackageId): boolean
}

export interface MemberFeatures {
  readonly member: WorkspaceMember
  readonly features: CliFeatures
}

export interface MemberSelection {
  readonly members: readonly WorkspaceMember[]
  /** The package in the current directory (cargo's `current_opt`); the root package. */
  readonly current?: WorkspaceMember
  /** The selected packages; undefined: every member, each with all features (the lock file's view). */
  readonly specs?: readonly MemberSelector[]
  readonly cli: CliFeatures
  /** Resolver 2 or later, or a virtual workspace: cargo's new command-line feature rules. */
  readonly newBehavior: boolean
}

const key = (fv: FeatureValue) => formatFeatureValue(fv)

export function membersWithFeatures(sel: MemberSelection): MemberFeatures[] {
  if (sel.specs === undefined)
    return sel.members.map((member) => ({
      member,
      features: { features: [], allFeatures: true, usesDefaultFeatures: true }
    }))
  return sel.newBehavior ? newRules(sel, sel.specs) : oldRules(sel, sel.specs)
}

function newRules(sel: MemberSelection, specs: readonly MemberSelector[]): MemberFeatures[] {
  const found = new Set<string>()
  const selected = sel.members.filter((m) => specs.some((s) => s.matches(m.id)))
  if (selected.length === 0) {
    // `-p dependency`: every member is resolved with its defaults so the package is in the graph.
    const cli = sel.cli
    if (cli.features.length > 0 || cli.allFeatures || !cli.usesDefaultFeatures)
      throw new EngineError('invalid-input', 'cannot specify features for packages outside of workspace', {
        hint: 'Select a workspace member with `-p`, or drop the feature flags.'
      })
    return sel.members.map((member) => ({
      member,
      features: { features: [], allFeatures: false, usesDefaultFeatures: true }
    }))
  }
  const out = selected.map((member) => ({ member, features: matchingFeatures(member, sel.cli, found) }))
  const missing = sel.cli.features.filter((fv) => !found.has(key(fv)))
  if (missing.length > 0) {
    const names = missing.map(key).sort(compareStrings)
    const what = names.length === 1 ? 'this feature' : 'these features'
    const message =
      selected.length === 1
        ? `the package '${selected[0]!.id.name}' does not contain ${what}: ${names.join(', ')}`
        : `none of the selected packages contains ${what}: ${names.join(', ')}`
    throw new EngineError('invalid-input', message, {
      hint: 'Check the spelling, or select the package that declares the feature with `-p`.'
    })
  }
  return out
}

function matchingFeatures(member: WorkspaceMember, cli: CliFeatures, found: Set<string>): CliFeatures {
  if (cli.allFeatures) return cli
  const map = featureMapOf(member.summary)
  const depNames = new Set(member.summary.deps.map((d) => d.name))
  const optional = new Set(member.summary.deps.filter((d) => d.optional).map((d) => d.name))
  const has = (f: string) => map.has(f) || optional.has(f)
  const features = new Map<string, FeatureValue>()
  for (const fv of cli.features) {
    if (fv.type === 'feature') {
      if (!has(fv.name)) continue
      features.set(key(fv), fv)
      found.add(key(fv))
    } else if (fv.type === 'dep-feature') {
      if (depNames.has(fv.depName)) {
        features.set(key(fv), fv)
        found.add(key(fv))
      } else if (fv.depName === member.id.name && has(fv.depFeature)) {
        const own: FeatureValue = { type: 'feature', name: fv.depFeature }
        features.set(key(own), own)
        found.add(key(fv))
      }
    }
  }
  return {
    features: [...features.values()].sort(compareFeatureValues),
    allFeatures: false,
    usesDefaultFeatures: cli.usesDefaultFeatures
  }
}

function oldRules(sel: MemberSelection, specs: readonly MemberSelector[]): MemberFeatures[] {
  const memberSpecific = new Map<string, FeatureValue[]>()
  const cwd: FeatureValue[] = []
  for (const fv of sel.cli.features) {
    if (fv.type !== 'dep-feature') {
      cwd.push(fv)
      continue
    }
    const isOtherMember = sel.members.some((m) => m !== sel.current && m.id.name === fv.depName)
    if (isOtherMember && specs.some((s) => s.name === fv.depName)) {
      const list = memberSpecific.get(fv.depName) ?? []
      list.push({ type: 'feature', name: fv.depFeature })
      memberSpecific.set(fv.depName, list)
    } else cwd.push(fv)
  }
  const out: MemberFeatures[] = []
  for (const member of sel.members) {
    if (member === sel.current) {
      out.push({
        member,
        features: {
          features: cwd,
          allFeatures: sel.cli.allFeatures,
          usesDefaultFeatures: sel.cli.usesDefaultFeatures
        }
      })
    } else if (specs.some((s) => s.matches(member.id))) {
      out.push({
        member,
        features: {
          features: memberSpecific.get(member.id.name) ?? [],
          allFeatures: sel.cli.allFeatures,
          usesDefaultFeatures: true
        }
      })
    }
  }
  return out
}

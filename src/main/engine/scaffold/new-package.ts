/**
 * `new`: plan the files (for the wizard's preview), then create them all or nothing. Files are
 * written into a hidden sibling directory and renamed into place, so a failure never leaves a
 * half-made package behind.
 */
import { chmod, mkdir, mkdtemp, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join } from 'node:path'
import type { FieldProblem, NewPackageOptions, NewPackagePreview } from '@shared/models/new-package'
import { EngineError } from '../errors'
import { gitInit, isInsideGitRepo } from '../tools/git'
import { checkNewPackageFields } from './check-options'
import { packageFiles } from './templates'
import { workspaceMembership } from './workspace-membership'
import { readManifestText } from '../manifest/read-manifest'
import { writeFileAtomic } from '../tools/atomic-write'

type DirState = 'missing' | 'empty' | 'non-empty' | 'package' | 'file'

async function directoryState(path: string): Promise<DirState> {
  try {
    const s = await stat(path)
    if (!s.isDirectory()) return 'file'
    const entries = await readdir(path)
    if (entries.includes('Cargo.toml')) return 'package'
    return entries.length === 0 ? 'empty' : 'non-empty'
  } catch {
    return 'missing'
  }
}

async function locationProblems(path: string): Promise<FieldProblem[]> {
  if (!isAbsolute(path))
    return [{ field: 'path', message: 'The location must be an absolute path.', severity: 'error' }]
  const state = await directoryState(path)
  const problem = (message: string): FieldProblem[] => [{ field: 'path', message, severity: 'error' }]
  switch (state) {
    case 'package':
      return problem(
        `${path} already holds a package (it has a Cargo.toml); choose another name or location.`
      )
    case 'non-empty':
      return problem(`${path} already exists and is not empty; choose another name or location.`)
    case 'file':
      return problem(`${path} is a file; choose another name or location.`)
    case 'missing': {
      const parent = await directoryState(dirname(path))
      if (parent === 'missing' || parent === 'file')
        return problem(`The parent folder ${dirname(path)} does not exist.`)
      return []
    }
    case 'empty':
      return []
  }
}

export async function planNewPackage(options: NewPackageOptions): Promise<NewPackagePreview> {
  const problems = [...checkNewPackageFields(options), ...(await locationProblems(options.path))]
  const initGit = options.vcs === 'git' && !(await isInsideGitRepo(dirname(options.path)))
  const membership = isAbsolute(options.path)
    ? await workspaceMembership(options.path, options.name)
    : undefined
  const files = packageFiles(
    options,
    initGit,
    membership && { keys: membership.inherited, lints: membership.lints }
  )
  return {
    directory: options.path,
    files,
    problems,
    initGit,
    ...(membership
      ? {
          workspace: {
            rootManifest: membership.rootManifest,
            memberPath: membership.memberPath,
            inherited: membership.inherited,
            ...(membership.rootEdit ? { rootChange: membership.rootEdit } : {})
          }
        }
      : {})
  }
}

export async function createNewPackage(options: NewPackageOptions): Promise<NewPackagePreview> {
  const plan = await planNewPackage(options)
  const errors = plan.problems.filter((p) => p.severity === 'error')
  if (errors.length > 0) {
    const first = errors[0]!
    throw new EngineError(
      first.field === 'name' ? 'invalid-name' : first.field === 'path' ? 'already-exists' : 'invalid-input',
      first.message,
      {
        issues: errors.map((p) => ({ path: p.field, message: p.message }))
      }
    )
  }
  const parent = dirname(options.path)
  const staging = await mkdtemp(join(parent, `.${basename(options.path)}.crate-studio-`))
  try {
    // mkdtemp makes the folder private (0700) and the rename keeps that; cargo's follows the umask.
    await chmod(staging, 0o777 & ~process.umask())
    for (const file of plan.files) {
      const target = join(staging, ...file.path.split('/'))
      await mkdir(dirname(target), { recursive: true })
      await writeFile(target, file.contents, { flag: 'wx' })
    }
    if (plan.initGit) await gitInit(staging)
    await placeDirectory(staging, options.path)
  } catch (e) {
    await rm(staging, { recursive: true, force: true })
    throw e
  }
  const ws = plan.workspace
  if (ws?.rootChange) await joinWorkspace(ws.rootManifest, ws.rootChange)
  return plan
}

/**
 * Writes the root's new `members`, atomically, and only over the text it was planned from: a
 * root edited meanwhile is re-planned rather than overwritten.
 */
async function joinWorkspace(rootManifest: string, change: { before: string; after: string }): Promise<void> {
  const text = await readManifestText(rootManifest)
  if (text !== change.before)
    throw new EngineError(
      'conflict',
      `${rootManifest} changed while the package was being created; the package exists, but \`members\` was not updated.`,
      { file: rootManifest, hint: 'Add the package to `workspace.members` by hand, or create it again.' }
    )
  await writeFileAtomic(rootManifest, new TextEncoder().encode(change.after))
}

/** Moves the staged package into place; an empty directory the user made beforehand is replaced. */
async function placeDirectory(staging: string, destination: string): Promise<void> {
  const state = await directoryState(destination)
  if (state === 'empty') await rmdir(destination)
  else if (state !== 'missing')
    throw new EngineError('already-exists', `${destination} appeared while the package was being created.`)
  await rename(staging, destination)
}

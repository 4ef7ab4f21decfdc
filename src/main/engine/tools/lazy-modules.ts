/**
 * Heavy libraries loaded on first use. execa, simple-git and tar-stream together cost a CLI
 * start-up about 150 ms of module loading, and a no-op build spawns nothing, clones nothing and
 * unpacks nothing: it should not pay for them.
 */
import type * as Execa from 'execa'
import type * as SimpleGit from 'simple-git'
import type * as TarStream from 'tar-stream'
import type * as TinyGlobby from 'tinyglobby'

let execaModule: Promise<typeof Execa> | undefined
let simpleGitModule: Promise<typeof SimpleGit> | undefined
let tarStreamModule: Promise<typeof TarStream> | undefined

export function loadExeca(): Promise<typeof Execa> {
  return (execaModule ??= import('execa'))
}

export function loadSimpleGit(): Promise<typeof SimpleGit> {
  return (simpleGitModule ??= import('simple-git'))
}

export function loadTarStream(): Promise<typeof TarStream> {
  return (tarStreamModule ??= import('tar-stream'))
}

let globModule: Promise<typeof TinyGlobby> | undefined

/** Only workspaces whose `members` hold a glob need it. */
export function loadGlob(): Promise<typeof TinyGlobby> {
  return (globModule ??= import('tinyglobby'))
}

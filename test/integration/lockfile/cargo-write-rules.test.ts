/**
 * When cargo 1.95 rewrites Cargo.lock, in which format, and how it refuses under --locked:
 * each case runs the real cargo on one copy of a project and our writeLockfile on another, and
 * compares the files (and messages). The resolve we write stands in for our resolver's: it is
 * read from the lock cargo wrote for the same manifest.
 */
import { cp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { EngineError } from '../../../src/main/engine/errors'
import { parseLockfile } from '../../../src/main/engine/lockfile/parse-lockfile'
import { writeLockfile, type WriteLockfileOptions } from '../../../src/main/engine/lockfile/write-lockfile'
import { fileTempDir, tempDir } from '../../helpers/temp-dir'
import { fixturePathSource, resolveFromLock } from '../../unit/engine/lockfile/helpers/lock-to-resolve'
import { cargo, cargoLock, pathManifest, requireCargo, writeProject } from './cargo-projects'

const DEPS = 'rand = "0.8"\ncfg-if = "1"\nhelper = { path = "helper" }\n'
const PATHS = { helper: pathManifest('helper', '0.2.0', '[dependencies]\nitoa = "1"\n') }
const metadata = ['metadata', '--format-version', '1', '--quiet']

let cargoHome = ''
/** A project locked by cargo in format 3 (rust-version 1.60, since removed from its manifest). */
let v3Project = ''

beforeAll(async () => {
  await requireCargo()
  const base = await fileTempDir('cs-lockw-')
  cargoHome = join(base, 'cargo-home')
  v3Project = await writeProject(join(base, 'v3'), { deps: DEPS, paths: PATHS, rustVersion: '1.60' })
  await cargoLock(v3Project, cargoHome)
  await writeProject(v3Project, { deps: DEPS, paths: PATHS })
})

const lockOf = (dir: string) => readFile(join(dir, 'Cargo.lock'), 'utf8')
const parse = (text: string) => parseLockfile(text, 'Cargo.lock', { pathSource: fixturePathSource })

/** Two copies of the v3 project, `edit` applied to both: one for cargo, one for us. */
async function copies(edit: (dir: string) => Promise<unknown> = async () => {}): Promise<[string, string]> {
  const base = await tempDir('cs-lockw-')
  const pair: [string, string] = [join(base, 'cargo'), join(base, 'ours')]
  for (const dir of pair) {
    await cp(v3Project, dir, { recursive: true })
    await edit(dir)
  }
  return pair
}

/** cargo resolves `theirs` (lock written or not); we write the resolve cargo arrived at into `ours`. */
async function bothWrite(
  theirs: string,
  ours: string,
  options: Omit<WriteLockfileOptions, 'loadedVersion'> = {}
) {
  const original = parse(await lockOf(ours))
  const before = await stat(join(theirs, 'Cargo.lock'))
  const r = await cargo(theirs, cargoHome, metadata)
  expect(r.exitCode, r.stderr).toBe(0)
  const resolve = resolveFromLock(parse(await lockOf(theirs)))
  const result = await writeLockfile(join(ours, 'Cargo.lock'), resolve, {
    loadedVersion: original.version,
    metadata: original.metadata,
    ...options
  })
  const cargoWrote = (await stat(join(theirs, 'Cargo.lock'))).mtimeMs !== before.mtimeMs
  return { result, cargoWrote }
}

describe('writing Cargo.lock as cargo does', () => {
  it('leaves an unchanged format-3 lock alone', async () => {
    const [theirs, ours] = await copies()
    const { result, cargoWrote } = await bothWrite(theirs, ours)
    expect(cargoWrote).toBe(false)
    expect(result).toEqual({ written: false, version: 3 })
    expect(await lockOf(ours)).toBe(await lockOf(theirs))
  })

  it('leaves CRLF endings and a missing final newline alone', async () => {
    for (const change of [(t: string) => t.replaceAll('\n', '\r\n'), (t: string) => t.slice(0, -1)]) {
      const [theirs, ours] = await copies(async (dir) =>
        writeFile(join(dir, 'Cargo.lock'), change(await lockOf(dir)))
      )
      const { result, cargoWrote } = await bothWrite(theirs, ours)
      expect(cargoWrote).toBe(false)
      expect(result.written).toBe(false)
      expect(await lockOf(ours)).toBe(await lockOf(theirs))
    }
  })

  it('rewrites a changed format-3 lock in format 4, or keeps format 3 when rust-version asks for it', async () => {
    for (const rustVersion of [undefined, '1.60']) {
      const [theirs, ours] = await copies((dir) =>
        writeProject(dir, { deps: 'rand = "0.8"\nhelper = { path = "helper" }\n', paths: PATHS, rustVersion })
      )
      const { result, cargoWrote } = await bothWrite(theirs, ours, { rustVersions: [rustVersion] })
      expect(cargoWrote).toBe(true)
      expect(result).toEqual({ written: true, version: rustVersion ? 3 : 4 })
      expect(await lockOf(ours)).toBe(await lockOf(theirs))
    }
  })

  it('keeps extra top comments and [metadata] through a rewrite, quoted as cargo quotes them', async () => {
    const extra = `\n[metadata]\nplain = "abc"\nodd = "a'b\\"c"\n"key with space" = 'a\\b'\n`
    const [theirs, ours] = await copies(async (dir) => {
      const text = await lockOf(dir)
      await writeFile(join(dir, 'Cargo.lock'), `# my note\n${text}${extra}`)
      await writeProject(dir, { deps: 'rand = "0.8"\nhelper = { path = "helper" }\n', paths: PATHS })
    })
    await bothWrite(theirs, ours)
    const written = await lockOf(theirs)
    expect(written).toMatch(
      /^# This file is automatically @generated by Cargo\.\n# It is not intended for manual editing\.\n# my note\n/
    )
    expect(written).toContain(`odd = """a'b"c"""`)
    expect(await lockOf(ours)).toBe(written)
  })
})

async function cargoError(dir: string, flag: string): Promise<string> {
  const r = await cargo(dir, cargoHome, [...metadata, flag])
  expect(r.exitCode).toBe(101)
  return r.stderr.trim()
}

async function ourError(dir: string, flag: '--locked' | '--frozen', theirs: string): Promise<string> {
  const resolve = resolveFromLock(parse(await lockOf(theirs)))
  const lockPath = join(dir, 'Cargo.lock')
  const e: unknown = await writeLockfile(lockPath, resolve, { loadedVersion: 3, locked: flag }).then(
    () => undefined,
    (err: unknown) => err
  )
  if (!(e instanceof EngineError)) throw new Error('expected writeLockfile to refuse')
  return `error: ${e.message}\nhelp: ${e.details.hint ?? ''}`.replaceAll(dir, theirs)
}

describe('--locked and --frozen', () => {
  it('refuse to update or create the lock, with cargo’s words', async () => {
    const edit = (dir: string) =>
      writeProject(dir, { deps: 'rand = "0.8"\nhelper = { path = "helper" }\n', paths: PATHS })
    for (const flag of ['--locked', '--frozen'] as const) {
      const [theirs, ours] = await copies(edit)
      const before = await lockOf(ours)
      const expected = await cargoError(theirs, flag)
      // Our resolve for the edited manifest: what cargo writes for it without the flag.
      const resolved = await tempDir()
      await cp(theirs, resolved, { recursive: true })
      await cargo(resolved, cargoHome, metadata)
      expect(await ourError(ours, flag, resolved).then((m) => m.replaceAll(resolved, theirs))).toBe(
        expected.replaceAll(ours, theirs)
      )
      expect(await lockOf(ours)).toBe(before)
    }
    const [theirs, ours] = await copies(async (dir) => rm(join(dir, 'Cargo.lock')))
    const expected = await cargoError(theirs, '--locked')
    expect(expected).toContain('cannot create the lock file')
    const resolved = await tempDir()
    await cp(v3Project, resolved, { recursive: true })
    const message = await ourError(ours, '--locked', resolved)
    expect(message.replaceAll(resolved, theirs)).toBe(expected)
  })

  it('accept a lock that differs from cargo’s only in form', async () => {
    const reformat = async (dir: string) => {
      const text = (await lockOf(dir)).replace('name = "helper"', "name = 'helper'")
      const [head, ...tables] = text.split('\n\n')
      await writeFile(join(dir, 'Cargo.lock'), [head, ...tables.reverse()].join('\n\n'))
    }
    const [theirs, ours] = await copies(reformat)
    const before = await lockOf(ours)
    const r = await cargo(theirs, cargoHome, [...metadata, '--locked'])
    expect(r.exitCode, r.stderr).toBe(0)
    expect(await lockOf(theirs)).toBe(before)
    const resolve = resolveFromLock(parse(before))
    expect(
      await writeLockfile(join(ours, 'Cargo.lock'), resolve, { loadedVersion: 3, locked: '--locked' })
    ).toEqual({
      written: false,
      version: 3
    })
    expect(await lockOf(ours)).toBe(before)
  })
})

/**
 * The fingerprint on disk: JSON with a format number and a checksum of its own body. A file
 * that is cut short, edited, from another format or otherwise unreadable reads as *missing*
 * (the unit is dirty), never as fresh: a wrong "fresh" leaves a stale binary, a wrong
 * "dirty" costs one compile.
 */
import { createHash, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import { isNotFound } from '../../errors'
import { canonicalInputs, fingerprintHash, type Fingerprint } from './fingerprint'

const FORMAT = 1

const envEntry = z.object({ name: z.string(), value: z.string().nullable() })

const body = z.object({
  format: z.literal(FORMAT),
  hash: z.string(),
  inputs: z.object({
    rustc: z.string(),
    target: z.string(),
    profile: z.string(),
    features: z.array(z.string()),
    rustflags: z.array(z.string()),
    args: z.array(z.string()),
    deps: z.array(z.object({ name: z.string(), hash: z.string() }))
  }),
  observed: z.object({
    files: z.array(z.string()),
    env: z.array(envEntry),
    rerunIfChanged: z.array(z.string()),
    rerunIfEnvChanged: z.array(envEntry),
    startedAtNs: z.string().regex(/^\d+$/)
  })
})

const file = z.object({ check: z.string(), body })

function checksum(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

const toJsonEnv = (e: { name: string; value: string | undefined }) => ({
  name: e.name,
  value: e.value ?? null
})
const fromJsonEnv = (e: { name: string; value: string | null }) => ({
  name: e.name,
  value: e.value ?? undefined
})

/** Stable text for a fingerprint: the same fingerprint always serializes to the same bytes. */
export function serializeFingerprint(fp: Fingerprint): string {
  const inputs = canonicalInputs(fp.inputs)
  const content = {
    format: FORMAT,
    hash: fingerprintHash(inputs),
    inputs: {
      rustc: inputs.rustc,
      target: inputs.target,
      profile: inputs.profile,
      features: [...inputs.features],
      rustflags: [...inputs.rustflags],
      args: [...inputs.args],
      deps: inputs.deps.map((d) => ({ name: d.name, hash: d.hash }))
    },
    observed: {
      files: [...fp.observed.files],
      env: fp.observed.env.map(toJsonEnv),
      rerunIfChanged: [...fp.observed.rerunIfChanged],
      rerunIfEnvChanged: fp.observed.rerunIfEnvChanged.map(toJsonEnv),
      startedAtNs: fp.observed.startedAtNs.toString()
    }
  }
  const text = JSON.stringify(content)
  return `{"check":"${checksum(text)}","body":${text}}\n`
}

/** The fingerprint in `text`, or `undefined` when it cannot be trusted (see the file comment). */
export function parseFingerprint(text: string): Fingerprint | undefined {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return undefined
  }
  const parsed = file.safeParse(raw)
  if (!parsed.success) return undefined
  const { check, body: b } = parsed.data
  if (checksum(JSON.stringify(b)) !== check) return undefined
  if (fingerprintHash(b.inputs) !== b.hash) return undefined
  return {
    inputs: b.inputs,
    observed: {
      files: b.observed.files,
      env: b.observed.env.map(fromJsonEnv),
      rerunIfChanged: b.observed.rerunIfChanged,
      rerunIfEnvChanged: b.observed.rerunIfEnvChanged.map(fromJsonEnv),
      startedAtNs: BigInt(b.observed.startedAtNs)
    }
  }
}

/** Reads a unit's fingerprint; missing or untrustworthy gives `undefined` (the unit is dirty). */
export function readFingerprint(path: string): Fingerprint | undefined {
  let text: string
  try {
    // A few hundred bytes, read synchronously: a no-op build reads one per unit, and the
    // thread pool's round trip cost more than the read.
    text = readFileSync(path, 'utf8')
  } catch (e) {
    if (isNotFound(e)) return undefined
    throw e
  }
  return parseFingerprint(text)
}

/**
 * Writes a unit's fingerprint whole-or-nothing. Call it only after the unit's artifacts are
 * complete, and call `invalidateFingerprint` before starting a dirty unit: a build killed in
 * between then leaves no fingerprint, never one that vouches for a half-written output.
 */
export async function writeFingerprint(path: string, fp: Fingerprint): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  // Renamed into place but not fsynced (a build writes hundreds): after a power cut the file
  // may be empty or missing, and either reads as "no fingerprint", which only costs a rebuild.
  const temp = `${path}.${randomUUID()}.tmp`
  try {
    await writeFile(temp, serializeFingerprint(fp))
    await rename(temp, path)
  } catch (e) {
    await rm(temp, { force: true })
    throw e
  }
}

/**
 * Removes a unit's fingerprint before the unit is rebuilt. Without this, a build killed while
 * rustc overwrites the output would leave the *old* fingerprint vouching for a broken file
 * (cargo clears the file for the same reason).
 */
export async function invalidateFingerprint(path: string): Promise<void> {
  await rm(path, { force: true })
}

/**
 * A registry's `config.json`: where `.crate` files are downloaded from (`dl`) and the web API
 * (`api`). The `dl` value is a template; one without markers is an old-style base URL that
 * gets `/{crate}/{version}/download` appended, exactly as cargo does (no slash is added or
 * removed, so a base ending in `/` gives `//`).
 */
import { EngineError } from '../../errors'
import { namePrefix } from './index-path'

export interface RegistryConfig {
  readonly dl: string
  readonly api?: string
  /** Private registries that want a token for every request (cargo's `auth-required`). */
  readonly authRequired: boolean
}

const MARKERS = ['{crate}', '{version}', '{prefix}', '{lowerprefix}', '{sha256-checksum}']

/** Parses `config.json`; `url` is where it came from, for the error message. */
export function parseRegistryConfig(text: string, url: string): RegistryConfig {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    throw new EngineError('io', `The registry's ${url} is not valid JSON: ${(e as Error).message}`, {
      hint: 'Check that the registry URL points at a cargo sparse index.'
    })
  }
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  if (typeof obj.dl !== 'string' || obj.dl === '')
    throw new EngineError('io', `The registry's ${url} has no \`dl\` download URL.`, {
      hint: 'Check that the registry URL points at a cargo sparse index.'
    })
  return {
    dl: obj.dl,
    ...(typeof obj.api === 'string' ? { api: obj.api } : {}),
    authRequired: obj['auth-required'] === true
  }
}

/** The URL of one version's `.crate` file. */
export function crateDownloadUrl(
  config: RegistryConfig,
  name: string,
  version: string,
  checksum: string
): string {
  if (!MARKERS.some((m) => config.dl.includes(m))) return `${config.dl}/${name}/${version}/download`
  const prefix = namePrefix(name)
  return config.dl
    .replaceAll('{crate}', name)
    .replaceAll('{version}', version)
    .replaceAll('{prefix}', prefix)
    .replaceAll('{lowerprefix}', prefix.toLowerCase())
    .replaceAll('{sha256-checksum}', checksum)
}

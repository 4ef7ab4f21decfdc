/**
 * The packaging config, checked as far as a machine without the Electron binary can: it passes
 * electron-builder's own validation, lists the four installers, the Cargo.toml association and
 * the fuses the security checklist asks for, and points at files that exist.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const config = JSON.parse(readFileSync(join(ROOT, 'electron-builder.json'), 'utf8')) as Record<
  string,
  unknown
>
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string
  scripts: Record<string, string>
}

// electron-builder's validator is not part of its public API; the exact pinned version keeps this path stable.
const { validateConfiguration } = createRequire(import.meta.url)(
  'app-builder-lib/out/util/config/config.js'
) as {
  validateConfiguration: (config: unknown, logger: { isEnabled: boolean }) => Promise<void>
}
const validate = (c: unknown) => validateConfiguration(c, { isEnabled: false })

const section = (name: string) => config[name] as Record<string, unknown>

describe('the packaging config', () => {
  it("passes electron-builder's own validation, which does catch a mistake", async () => {
    await expect(validate(config)).resolves.toBeUndefined()
    await expect(validate({ ...config, electronFusez: {} })).rejects.toThrow(
      /unknown property 'electronFusez'/
    )
  })

  it('builds an AppImage and a deb, an NSIS installer and a dmg', () => {
    expect(section('linux').target).toEqual(['AppImage', 'deb'])
    expect(section('win').target).toEqual(['nsis'])
    expect(section('mac').target).toEqual(['dmg'])
  })

  it('sets the fuses: no running as Node, no NODE_OPTIONS or --inspect, asar only and verified', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The app serves its pages over app://, so file:// needs nothing extra.
      grantFileProtocolExtraPrivileges: false
    })
    // Integrity checks and asar-only loading mean nothing without an asar.
    expect(config.asar).toBe(true)
  })

  it('offers to open Cargo.toml files, without claiming every TOML file as the default', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'toml', role: 'Editor', rank: 'Alternate' })
    ])
  })

  it('packs the built app and a 512-pixel icon that exist', () => {
    expect(config.files).toContain('out/**')
    expect(pkg.main).toMatch(/^\.\/out\//)
    for (const platform of ['linux', 'win', 'mac']) {
      const icon = readFileSync(join(ROOT, section(platform).icon as string))
      // A PNG's IHDR holds the width and height at bytes 16 and 20.
      expect(icon.subarray(1, 4).toString()).toBe('PNG')
      expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512])
    }
  })

  it('has one release command per platform, each building the app first', () => {
    for (const flag of ['--linux', '--win', '--mac']) {
      const script = Object.values(pkg.scripts).find((s) => s.includes(`electron-builder ${flag}`))
      expect(script, flag).toMatch(/^electron-vite build && electron-builder/)
    }
  })
})

#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary and a display are available; otherwise
// say why and serve the same UI in browser mode (`crate-studio web`).
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

function electronBinary() {
  // Reading electron's path.txt never triggers its lazy download, unlike requiring the package.
  try {
    const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const rel = readFileSync(join(pkgDir, 'path.txt'), 'utf8').trim()
    const bin = join(pkgDir, 'dist', rel)
    return existsSync(bin) ? bin : undefined
  } catch {
    return undefined
  }
}

function hasDisplay() {
  if (process.platform !== 'linux') return true
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: root })
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
  for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s))
}

if (
  !existsSync(join(root, 'out', 'main', 'index.js')) ||
  !existsSync(join(root, 'out', 'renderer', 'index.html'))
) {
  console.error('Crate Studio is not built yet: run `npm install` (or `npm run build`) first.')
  process.exit(1)
}

const electron = electronBinary()
const display = hasDisplay()
if (electron && display) {
  run(electron, [root])
} else {
  const why = !electron
    ? "Electron's binary is not installed (it downloads on first use, which needs the network)"
    : 'there is no display (DISPLAY/WAYLAND_DISPLAY is not set)'
  console.error(`Starting the desktop app is not possible: ${why}.`)
  console.error('Starting browser mode instead; open the URL below in a browser on this machine.\n')
  run(process.execPath, [join(root, 'bin', 'crate-studio'), 'web', ...process.argv.slice(2)])
}

/** What electron-vite builds (npm test builds before this suite): the bundles' shape matters at run time. */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const OUT = join(import.meta.dirname, '..', '..', 'out')

async function mainChunks(): Promise<string[]> {
  const files = [join(OUT, 'main', 'cli.js')]
  for (const f of await readdir(join(OUT, 'main', 'chunks'))) files.push(join(OUT, 'main', 'chunks', f))
  return files
}

describe('build output', () => {
  it('the preload is one CommonJS file that requires nothing but electron (sandbox-compatible)', async () => {
    const preload = await readFile(join(OUT, 'preload', 'index.cjs'), 'utf8')
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])
    expect(required).toEqual(['electron'])
    expect(preload).not.toMatch(/^\s*import\s/m)
    expect(preload).toContain('exposeInMainWorld("api"')
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/)
  })

  it('the CLI and its chunks never load electron, so it runs under plain Node', async () => {
    for (const file of await mainChunks()) {
      const code = await readFile(file, 'utf8')
      expect(code, file).not.toMatch(/from ["']electron["']|require\(["']electron["']\)/)
    }
  })

  it('the renderer loads only its own scripts: no inline script, no eval', async () => {
    const html = await readFile(join(OUT, 'renderer', 'index.html'), 'utf8')
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(html).toMatch(/Content-Security-Policy/)
    expect(html).not.toMatch(/unsafe-eval/)
  })
})

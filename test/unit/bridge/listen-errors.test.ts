/**
 * What goes wrong when browser mode starts is the user's to fix (a port, a missing build), so
 * it must arrive as an EngineError: the CLI then prints a plain `error:` line and a note, not
 * "internal error … This is a bug".
 */
import { describe, expect, it } from 'vitest'
import { checkPort } from '../../../src/main/bridge/listen'
import { main } from '../../../src/main/cli/main'
import { tempDir } from '../../helpers/temp-dir'

describe('bridge start-up errors', () => {
  it('refuses a port out of range as invalid input, with a hint', () => {
    for (const port of [-1, 65536, 1.5, Number.NaN]) {
      expect(() => checkPort(port), String(port)).toThrow(
        expect.objectContaining({
          name: 'EngineError',
          code: 'invalid-input',
          details: { hint: expect.stringMatching(/--port/) as string }
        })
      )
    }
    expect(checkPort(0)).toBe(0)
    expect(checkPort(65535)).toBe(65535)
  })

  it('reach the CLI as a normal error line (here: a renderer that is not built)', async () => {
    let err = ''
    const status = await main(['web'], {
      cwd: process.cwd(),
      env: {
        CRATE_STUDIO_CONFIG_DIR: await tempDir('cs-config-'),
        CRATE_STUDIO_RENDERER_DIR: await tempDir('cs-no-renderer-')
      },
      stderrIsTty: false,
      signal: new AbortController().signal,
      out: () => {},
      err: (text) => (err += text)
    })
    expect(status).toBe(101)
    expect(err).toMatch(/^error: The browser UI is not built: .*index\.html is missing\.$/m)
    expect(err).toMatch(/^note: Run `npx electron-vite build` first\.$/m)
    expect(err).not.toMatch(/internal error|This is a bug/)
  })
})

/** About: the versions a bug report needs, in both modes. */
import { describe, expect, it } from 'vitest'
import { aboutFacts } from '../../../src/renderer/src/features/about/about-facts'

const base = { name: 'Crate Studio', version: '0.3.0', platform: 'linux', homeDir: '/home/me' }

describe('about facts', () => {
  it('lists the app, Electron, Chromium, Node and rustc in the desktop app', () => {
    const app = {
      ...base,
      mode: 'desktop' as const,
      versions: { node: '22.1.0', electron: '45.1.0', chrome: '140.0.1' }
    }
    const toolchain = { rustc: { path: '/r', version: 'rustc 1.95.0', host: 'x86_64-unknown-linux-gnu' } }
    expect(Object.fromEntries(aboutFacts(app, toolchain as never, ''))).toMatchObject({
      'Crate Studio': '0.3.0 (desktop)',
      Electron: '45.1.0',
      Chromium: '140.0.1',
      'Node.js': '22.1.0',
      rustc: 'rustc 1.95.0'
    })
  })

  it('reads Chromium from the browser in browser mode and says rustc is missing', () => {
    const app = { ...base, mode: 'browser' as const, versions: { node: '20.20.0' } }
    const facts = Object.fromEntries(
      aboutFacts(
        app,
        { problem: 'rustc was not found' },
        'Mozilla/5.0 (X11) Chrome/142.0.7444.59 Safari/537.36'
      )
    )
    expect(facts).toMatchObject({
      Electron: 'none (browser mode)',
      Chromium: '142.0.7444.59',
      rustc: 'not found'
    })
  })
})

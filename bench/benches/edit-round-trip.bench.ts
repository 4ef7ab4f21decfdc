/**
 * The manifest editor's round trip as a form makes it: one `set` edit → new text → full
 * analysis (view, lines, validation), on a 300-dependency manifest. The forms re-render on every
 * keystroke, so it must fit in a frame (16 ms).
 */
import { applyManifestEdits } from '../../src/main/engine/manifest/edit/manifest-editor'
import type { Bench } from '../bench'
import { manifestWithDependencies } from './generated-manifest'

export const editRoundTrip: Bench = {
  name: 'edit round trip (set, 300 deps)',
  what: 'applyManifestEdits: set package.version → text → analysis',
  targetMs: 16,
  runs: 300,
  prepare() {
    const text = manifestWithDependencies(300)
    let n = 0
    return () => {
      const result = applyManifestEdits(text, '/bench/Cargo.toml', [
        { op: 'set', path: ['package', 'version'], value: `0.1.${n++ % 50}` }
      ])
      if (result.syntaxError || !result.view) throw new Error('the edit broke the manifest')
    }
  }
}

export const addRoundTrip: Bench = {
  name: 'add-dependency round trip (300 deps)',
  what: 'applyManifestEdits: add-dependency (optional, features) → text → analysis',
  runs: 100,
  prepare() {
    const text = manifestWithDependencies(300)
    return () =>
      applyManifestEdits(text, '/bench/Cargo.toml', [
        {
          op: 'add-dependency',
          table: { kind: 'normal' },
          name: 'zzz-new',
          spec: { source: { type: 'registry', version: '1.0' }, features: ['derive'], optional: true }
        }
      ])
  }
}

/** Opening a manifest in the editor: parse, view and validation only (no edit). */
import { analyzeManifestText } from '../../src/main/engine/manifest/edit/manifest-editor'
import type { Bench } from '../bench'
import { manifestWithDependencies } from './generated-manifest'

export const analyze: Bench = {
  name: 'analyze (300 deps)',
  what: 'analyzeManifestText: parse → view → problems',
  runs: 300,
  prepare() {
    const text = manifestWithDependencies(300)
    return () => analyzeManifestText(text, '/bench/Cargo.toml')
  }
}

/** The engine's format-preserving editor, as the manifest service consumes it. */
import { analyzeManifestText, applyManifestEdits } from '../engine/manifest/edit/manifest-editor'
import type { ManifestEngine } from './manifest-service'

export const engineManifestEditor: ManifestEngine = {
  analyze: analyzeManifestText,
  applyEdits: applyManifestEdits
}

/**
 * The editor on 55 real Cargo.toml files (test/fixtures/corpus-manifests, copied from public
 * repositories; INDEX.tsv names each source and commit). Every file parses, a no-op leaves it
 * byte-identical, setting the version it already has changes nothing, and adding then removing
 * a dependency gives back the original bytes.
 *
 * What "gives back" means where cargo's own rules decide otherwise:
 * - a virtual workspace manifest has no [dependencies] to add to: the add is refused, as cargo
 *   refuses it, and the text stays as it was;
 * - an empty `[dependencies]` header is removed when its last entry goes (`cargo remove` does
 *   that), so the result is the original without that empty section;
 * - when the table exists only through `[dependencies.NAME]` sections (2014 style), adding a key
 *   gives it a `[dependencies]` header, and removing the key leaves that empty header, because
 *   the table still holds the other sections (cargo does exactly this). The result is the
 *   original plus an empty `[dependencies]` header, and it means the same.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ManifestEdit } from '../../../../../src/shared/models/manifest-edit'
import {
  applyManifestEdits,
  analyzeManifestText
} from '../../../../../src/main/engine/manifest/edit/manifest-editor'
import { buildLayout, nodeAt } from '../../../../../src/main/engine/manifest/edit/layout'
import { FIXTURES } from '../../../../helpers/fixtures'

const DIR = join(FIXTURES, 'corpus-manifests')
const FILES = readdirSync(DIR)
  .filter((f) => f.toLowerCase().endsWith('cargo.toml'))
  .sort()
const PROBE = 'zzz-crate-studio-probe'

const add: ManifestEdit = {
  op: 'add-dependency',
  table: { kind: 'normal' },
  name: PROBE,
  spec: { source: { type: 'registry', version: '1.2.3' } }
}
const remove: ManifestEdit = { op: 'remove-dependency', table: { kind: 'normal' }, name: PROBE }

function read(name: string): string {
  return readFileSync(join(DIR, name), 'utf8')
}

type Shape = 'absent' | 'empty' | 'implicit' | 'filled'

function dependenciesShape(text: string): Shape {
  const node = nodeAt(buildLayout(text).root, ['dependencies'])
  if (node?.kind !== 'table') return 'absent'
  if (!node.section) return 'implicit'
  return node.children.size === 0 ? 'empty' : 'filled'
}

/** The text without its empty `[dependencies]` section (header and the lines above it). */
function withoutEmptyDependencies(text: string): string {
  const node = nodeAt(buildLayout(text).root, ['dependencies'])
  const section = node?.kind === 'table' ? node.section! : undefined
  return text.slice(0, section!.prefixStart) + text.slice(section!.bodyEnd)
}

describe('the editor on real manifests', () => {
  it('has the corpus', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(55)
  })

  describe.each(FILES)('%s', (name) => {
    const file = join(DIR, name)

    it('parses, with a view and no syntax error', () => {
      const analysis = analyzeManifestText(read(name), file)
      expect(analysis.syntaxError).toBeUndefined()
      expect(analysis.view).toBeDefined()
      expect(Object.keys(analysis.view!.lines).length).toBeGreaterThan(0)
    })

    it('is byte-identical after no edits, and after setting the version it has', () => {
      const text = read(name)
      expect(applyManifestEdits(text, file, []).text).toBe(text)
      const version = (
        analyzeManifestText(text, file).view?.document.package as Record<string, unknown> | undefined
      )?.version
      if (typeof version === 'string')
        expect(
          applyManifestEdits(text, file, [{ op: 'set', path: ['package', 'version'], value: version }]).text
        ).toBe(text)
    })

    it('gets its bytes back after adding and removing a dependency', () => {
      const text = read(name)
      const doc = analyzeManifestText(text, file).view!.document
      if (doc.package === undefined && doc.project === undefined) {
        expect(() => applyManifestEdits(text, file, [add])).toThrow(/virtual workspace manifest/)
        return
      }
      const added = applyManifestEdits(text, file, [add]).text
      expect(added).toContain(`${PROBE} = "1.2.3"`)
      const restored = applyManifestEdits(added, file, [remove])
      const shape = dependenciesShape(text)
      if (shape === 'empty') expect(restored.text).toBe(withoutEmptyDependencies(text))
      else if (shape === 'implicit') {
        expect(restored.text.replace('[dependencies]\n\n', '')).toBe(text)
        expect(restored.view!.document).toEqual(analyzeManifestText(text, file).view!.document)
      } else expect(restored.text).toBe(text)
    })
  })
})

/** The architecture's boundaries are lint rules; these probes prove each one fires. */
import { join } from 'node:path'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
// The probes are not files of any tsconfig, so type-aware rules are off; the import rules need no types.
const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] })

async function ruleHits(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('lint boundaries', { timeout: 60_000 }, () => {
  it.each([
    [
      'src/main/engine/x.ts',
      "import { app } from 'electron'\nexport const a = app\n",
      /Only the Electron shell/
    ],
    [
      'src/main/engine/compiler/x.ts',
      "import { OperationStore } from '../../services/operations'\nexport const a = OperationStore\n",
      /engine is the bottom layer/
    ],
    ['src/shared/x.ts', "import { app } from 'electron'\nexport const a = app\n", /Only the Electron shell/],
    [
      'src/shared/x.ts',
      "import { readFile } from 'node:fs/promises'\nexport const a = readFile\n",
      /no Node built-ins/
    ],
    ['src/renderer/src/x.ts', "import { join } from 'path'\nexport const a = join\n", /no Node built-ins/],
    [
      'src/renderer/src/x.ts',
      "import { ipcRenderer } from 'electron'\nexport const a = ipcRenderer\n",
      /Only the Electron shell|Raw IPC/
    ],
    [
      'src/renderer/src/x.ts',
      "import { main } from '../../main/cli/main'\nexport const a = main\n",
      /only through window\.api/
    ],
    [
      'src/main/services/x.ts',
      "import { ipcMain } from 'electron'\nexport const a = ipcMain\n",
      /Raw IPC lives only in src\/main\/ipc/
    ],
    [
      'src/main/services/x.ts',
      "import { app } from 'electron'\nexport const a = app\n",
      /Services are shared by every shell/
    ],
    [
      'src/main/services/x.ts',
      "import { dispatch } from '../ipc/dispatch'\nexport const a = dispatch\n",
      /Services know nothing about transports/
    ],
    [
      'src/main/services/deep/x.ts',
      "import { startBridgeServer } from '../../bridge/server'\nexport const a = startBridgeServer\n",
      /Services know nothing about transports/
    ],
    [
      'src/main/services/x.ts',
      "import { main } from '../cli/main'\nexport const a = main\n",
      /Services know nothing about transports/
    ]
  ])('%s: %s is refused', async (file, code, message) => {
    const hits = await ruleHits(file, code)
    expect(
      hits.some((m) => message.test(m)),
      hits.join('\n')
    ).toBe(true)
  })

  it('allows raw IPC inside src/main/ipc and the preload', async () => {
    expect(
      await ruleHits('src/main/ipc/x.ts', "import { ipcMain } from 'electron'\nexport const a = ipcMain\n")
    ).toEqual([])
    expect(
      await ruleHits(
        'src/preload/x.ts',
        "import { ipcRenderer } from 'electron'\nexport const a = ipcRenderer\n"
      )
    ).toEqual([])
  })
})

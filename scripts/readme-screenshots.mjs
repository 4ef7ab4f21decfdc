#!/usr/bin/env node
// `npm run screenshots`: runs the E2E flows that take the README's screenshots (real packages,
// real rustc, real Chromium) and copies those shots into docs/screenshots/, which is committed.
// The list is the README's: test/unit/docs/readme-screenshots.test.ts checks they agree.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const README_SHOTS = {
  '01-start-page': 'test/e2e/create-build-run.test.ts',
  '02-wizard': 'test/e2e/create-build-run.test.ts',
  '12-manifest-editor': 'test/e2e/manifest-editor.test.ts',
  '20-dependency-tree': 'test/e2e/dependency-tree.test.ts',
  '30-build-timeline': 'test/e2e/build-timeline.test.ts',
  '40-test-results': 'test/e2e/test-run.test.ts',
  '20-workspace-overview': 'test/e2e/workspace.test.ts',
  '50-settings': 'test/e2e/settings-and-desktop.test.ts'
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = [...new Set(Object.values(README_SHOTS))]
  const run = spawnSync('npx', ['vitest', 'run', ...files], { cwd: root, stdio: 'inherit' })
  if (run.status !== 0) process.exit(run.status ?? 1)
  mkdirSync(join(root, 'docs', 'screenshots'), { recursive: true })
  for (const name of Object.keys(README_SHOTS)) {
    copyFileSync(
      join(root, 'test-results', 'screenshots', `${name}.png`),
      join(root, 'docs', 'screenshots', `${name}.png`)
    )
    console.log(`docs/screenshots/${name}.png`)
  }
}

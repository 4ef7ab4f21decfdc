// Lint enforces the architecture's boundaries (see docs/architecture.md), not just style.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

// prettier-ignore
const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'net',
  'os', 'path', 'process', 'stream', 'url', 'util', 'worker_threads', 'zlib'
]

const noElectron = {
  name: 'electron',
  message: 'Only the Electron shell (src/main/*.ts, src/main/ipc, src/preload) may import electron.'
}
const noNode = [
  { group: ['node:*'], message: 'The renderer and src/shared run in a browser: no Node built-ins.' },
  ...NODE_BUILTINS.map((name) => ({
    group: [name],
    message: 'The renderer and src/shared run in a browser: no Node built-ins.'
  }))
]
const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Raw IPC lives only in src/main/ipc and src/preload: register handlers through handle().'
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/fixtures/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }
      ],
      'no-restricted-imports': ['error', { paths: [rawIpc] }]
    }
  },
  {
    files: ['**/*.mjs', 'bin/**', 'scripts/**'],
    ...tseslint.configs.disableTypeChecked
  },
  {
    // Config files are loaded by tools that expect a default export.
    files: ['*.config.ts', '*.config.mjs'],
    rules: { 'no-restricted-syntax': 'off' }
  },
  {
    files: ['src/main/ipc/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    files: ['src/main/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              regex: '^(\\.\\./)+(ipc|services|bridge|cli|handlers|index|window|menu)(/|$)',
              message: 'The engine is the bottom layer: it imports no shell or service code.'
            }
          ]
        }
      ],
      'no-console': 'error'
    }
  },
  {
    // Services are shared by every shell, so they must not know any of them.
    files: ['src/main/services/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            rawIpc,
            {
              name: 'electron',
              message:
                'Services are shared by every shell: no electron (use ShellAdapter or an injected seam).'
            }
          ],
          patterns: [
            {
              regex: '^(\\.\\./)+(ipc|bridge|cli)(/|$)',
              message: 'Services know nothing about transports: no ipc, bridge or cli imports.'
            }
          ]
        }
      ]
    }
  },
  {
    // Every CLI build loads these before anything else: Node's own modules only, or the
    // server would save less than the client costs.
    files: [
      'src/main/cli/index.ts',
      'src/main/cli/server/client.ts',
      'src/main/cli/server/frames.ts',
      'src/main/cli/server/server-place.ts',
      'src/main/cli/server/start-server.ts',
      'src/main/cli/server/terminal-program.ts'
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!node:|\\./(server/)?(client|frames|server-place|start-server|terminal-program)$)',
              message: 'The build server client loads on every build: Node built-ins and its siblings only.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: noNode }] }
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            ...noNode,
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The renderer reaches main only through window.api.'
            }
          ]
        }
      ]
    }
  }
)

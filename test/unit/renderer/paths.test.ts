import { describe, expect, it } from 'vitest'
import {
  baseName,
  relativeTo,
  isAbsolutePath,
  joinPath,
  resolveRelative,
  separatorOf,
  trimTrailingSeparators
} from '../../../src/renderer/src/lib/paths'

describe('separatorOf', () => {
  it.each([
    ['/home/me', '/'],
    ['/', '/'],
    ['relative/dir', '/'],
    ['name', '/'],
    ['', '/'],
    ['C:\\Users\\me', '\\'],
    ['C:\\', '\\'],
    ['d:\\x', '\\'],
    ['C:/Users/me', '/'],
    ['C:', '/'],
    ['dir\\sub', '\\'],
    ['\\\\server\\share', '\\'],
    // A drive path that starts with `\` keeps `\`, even if a `/` crept in later.
    ['C:\\Users/me', '\\'],
    // Otherwise any `/` wins.
    ['dir\\sub/x', '/']
  ] as const)('%j uses %j', (path, sep) => {
    expect(separatorOf(path)).toBe(sep)
  })
})

describe('isAbsolutePath', () => {
  it.each(['/', '/x', '/home/me/demo', 'C:\\', 'C:\\x', 'c:\\x', 'C:/', 'C:/x', 'z:/x'])(
    'accepts %j',
    (path) => {
      expect(isAbsolutePath(path)).toBe(true)
    }
  )

  it.each([
    '',
    'x',
    'relative/dir',
    './x',
    '../x',
    '~/x',
    'C:',
    'C:x',
    'CD:\\x',
    '1:\\x',
    ' /x',
    '\\x',
    '\\\\server\\share'
  ])('rejects %j', (path) => {
    expect(isAbsolutePath(path)).toBe(false)
  })
})

describe('trimTrailingSeparators', () => {
  it.each([
    ['/home/me/', '/home/me'],
    ['/home/me///', '/home/me'],
    ['/home/me', '/home/me'],
    ['C:\\Users\\me\\', 'C:\\Users\\me'],
    ['C:\\Users\\me\\\\', 'C:\\Users\\me'],
    ['C:/Users/me/', 'C:/Users/me'],
    ['dir/\\/', 'dir'],
    ['name', 'name']
  ])('%j → %j', (path, trimmed) => {
    expect(trimTrailingSeparators(path)).toBe(trimmed)
  })

  it.each([
    ['/', '/'],
    ['//', '/'],
    ['///', '/'],
    ['C:\\', 'C:\\'],
    ['C:\\\\', 'C:\\'],
    ['c:\\', 'c:\\'],
    ['C:/', 'C:/'],
    ['C://', 'C:/']
  ])('keeps the root: %j → %j', (path, trimmed) => {
    expect(trimTrailingSeparators(path)).toBe(trimmed)
  })

  it('leaves an empty path empty', () => {
    expect(trimTrailingSeparators('')).toBe('')
  })
})

describe('joinPath', () => {
  it.each([
    ['/home/me', 'demo', '/home/me/demo'],
    ['/home/me/', 'demo', '/home/me/demo'],
    ['/home/me//', 'demo', '/home/me/demo'],
    ['/', 'demo', '/demo'],
    ['C:\\Users\\me', 'demo', 'C:\\Users\\me\\demo'],
    ['C:\\Users\\me\\', 'demo', 'C:\\Users\\me\\demo'],
    ['C:\\', 'demo', 'C:\\demo'],
    ['C:/Users/me', 'demo', 'C:/Users/me/demo'],
    ['C:/', 'demo', 'C:/demo'],
    ['\\\\server\\share', 'demo', '\\\\server\\share\\demo'],
    ['relative/dir', 'demo', 'relative/dir/demo']
  ])('joins %j and %j with the parent’s separator: %j', (parent, child, joined) => {
    expect(joinPath(parent, child)).toBe(joined)
  })

  it('does not touch the child', () => {
    expect(joinPath('/p', 'a b')).toBe('/p/a b')
    expect(joinPath('/p', '')).toBe('/p/')
  })

  it('joins onto every parent of a path back to the same path', () => {
    const posix = ['/', 'home', 'me', 'demo']
    const windows = ['C:\\', 'Users', 'me', 'demo']
    expect(posix.slice(1).reduce(joinPath, posix[0] ?? '')).toBe('/home/me/demo')
    expect(windows.slice(1).reduce(joinPath, windows[0] ?? '')).toBe('C:\\Users\\me\\demo')
  })
})

describe('resolveRelative', () => {
  it.each([
    ['/p', 'src/main.rs', '/p/src/main.rs'],
    ['/p/', 'src/main.rs', '/p/src/main.rs'],
    ['/p', './src/main.rs', '/p/src/main.rs'],
    ['/p', 'Cargo.toml', '/p/Cargo.toml'],
    ['C:\\p', 'src/bin/tool.rs', 'C:\\p\\src\\bin\\tool.rs'],
    ['C:\\p', './src/lib.rs', 'C:\\p\\src\\lib.rs'],
    ['C:/p', 'src/lib.rs', 'C:/p/src/lib.rs']
  ])('%j + %j → %j', (dir, rel, resolved) => {
    expect(resolveRelative(dir, rel)).toBe(resolved)
  })

  it('removes only one leading ./', () => {
    expect(resolveRelative('/p', '././a')).toBe('/p/./a')
  })

  it('does not normalise .. segments', () => {
    expect(resolveRelative('/p', '../q/x.rs')).toBe('/p/../q/x.rs')
  })
})

describe('baseName', () => {
  it.each([
    ['/home/me/demo', 'demo'],
    ['/home/me/demo/', 'demo'],
    ['/home/me/demo//', 'demo'],
    ['/demo', 'demo'],
    ['C:\\Users\\me\\demo', 'demo'],
    ['C:\\Users\\me\\demo\\', 'demo'],
    ['C:/Users/me/demo', 'demo'],
    ['C:\\Users/me\\demo', 'demo'],
    ['demo', 'demo'],
    ['my package', 'my package'],
    ['/p/Cargo.toml', 'Cargo.toml']
  ])('%j → %j', (path, name) => {
    expect(baseName(path)).toBe(name)
  })

  it.each(['/', 'C:\\', 'C:/', ''])('labels the root %j by itself', (path) => {
    expect(baseName(path)).toBe(path)
  })
})

describe('relativeTo', () => {
  it.each([
    ['/ws', '/ws/crates/core', 'crates/core'],
    ['/ws/', '/ws/crates/core/Cargo.toml', 'crates/core/Cargo.toml'],
    ['/ws', '/ws', '.'],
    ['/ws', '/ws/', '.'],
    ['/ws', '/wsx/a', '/wsx/a'],
    ['C:\\ws', 'C:\\ws\\crates\\core', 'crates\\core'],
    ['C:\\ws', 'D:\\other', 'D:\\other']
  ])('%j, %j → %j', (root, path, expected) => {
    expect(relativeTo(root, path)).toBe(expected)
  })
})

/**
 * A generated package with 299 tiny path dependencies (300 packages): node i depends on nodes
 * 2i, 2i+1 and 3i, so the graph is a DAG with shared nodes, about eight levels deep, and
 * features travel along its edges (`std`, `extra`). Big enough that resolving, feature
 * resolution and planning show, small enough that each unit's rustc is quick.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

const name = (i: number) => `node-${String(i).padStart(3, '0')}`
const crate = (i: number) => name(i).replace('-', '_')

/** The nodes `i` depends on, among 1..last. */
function childrenOf(i: number, last: number): number[] {
  return [...new Set([2 * i, 2 * i + 1, 3 * i])].filter((c) => c > i && c <= last)
}

function nodeManifest(i: number, children: readonly number[]): string {
  const deps = children.map((c) => `${name(c)} = { path = "../${name(c)}", default-features = false }`)
  const forward = (f: string) => children.map((c) => `"${name(c)}/${f}"`).join(', ')
  return [
    '[package]',
    `name = "${name(i)}"`,
    'version = "0.1.0"',
    'edition = "2021"',
    '',
    '[dependencies]',
    ...deps,
    '',
    '[features]',
    'default = ["std"]',
    `std = [${forward('std')}]`,
    `extra = [${forward('extra')}]`,
    ''
  ].join('\n')
}

function nodeLib(i: number, children: readonly number[]): string {
  const sum = children.map((c) => ` + ${crate(c)}::ID`).join('')
  return [
    `pub const ID: u64 = ${i};`,
    `pub fn reach() -> u64 { ID${sum} }`,
    '#[cfg(feature = "extra")]',
    `pub fn extra() -> &'static str { "${name(i)}" }`,
    ''
  ].join('\n')
}

/** Writes the package under `dir` (`dir/app` is the root); `count` packages in all. */
export async function writePathCrates(dir: string, count = 300): Promise<string> {
  const last = count - 1
  for (let i = 1; i <= last; i++) {
    const at = join(dir, name(i))
    const children = childrenOf(i, last)
    await mkdir(join(at, 'src'), { recursive: true })
    await writeFile(join(at, 'Cargo.toml'), nodeManifest(i, children))
    await writeFile(join(at, 'src', 'lib.rs'), nodeLib(i, children))
  }
  const direct = [1, 10, 100].filter((i) => i <= last)
  const app = join(dir, 'app')
  await mkdir(join(app, 'src'), { recursive: true })
  await writeFile(
    join(app, 'Cargo.toml'),
    [
      '[package]',
      'name = "app"',
      'version = "0.1.0"',
      'edition = "2021"',
      '',
      '[dependencies]',
      ...direct.map(
        (i) => `${name(i)} = { path = "../${name(i)}"${i === 1 ? ', features = ["extra"]' : ''} }`
      ),
      ''
    ].join('\n')
  )
  await writeFile(
    join(app, 'src', 'main.rs'),
    `fn main() {\n    println!("{} {}", ${direct.map((i) => `${crate(i)}::reach()`).join(' + ')}, node_001::extra());\n}\n`
  )
  return app
}

/**
 * A cargo-testsuite-style project builder: describe files, get a directory.
 *   const p = await project().file('Cargo.toml', '...').file('src/main.rs', '...').build()
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { tempDir } from './temp-dir'

export interface Project {
  readonly root: string
  path(rel: string): string
  readonly manifest: string
}

class ProjectBuilder {
  private readonly files: { path: string; contents: string; executable: boolean }[] = []

  constructor(private readonly sub: string | undefined) {}

  file(path: string, contents: string): this {
    this.files.push({ path, contents, executable: false })
    return this
  }

  executable(path: string, contents: string): this {
    this.files.push({ path, contents, executable: true })
    return this
  }

  /** A minimal `[package]` manifest for `name`. */
  manifest(name: string, extra = '', edition = '2021'): this {
    return this.file(
      'Cargo.toml',
      `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "${edition}"\n${extra}`
    )
  }

  async build(root?: string): Promise<Project> {
    const base = root ?? (await tempDir())
    const dir = this.sub ? join(base, this.sub) : base
    for (const f of this.files) {
      const full = join(dir, f.path)
      await mkdir(dirname(full), { recursive: true })
      await writeFile(full, f.contents)
      if (f.executable) await chmod(full, 0o755)
    }
    return { root: dir, path: (rel) => join(dir, rel), manifest: join(dir, 'Cargo.toml') }
  }
}

export function project(subdir?: string): ProjectBuilder {
  return new ProjectBuilder(subdir)
}

/**
 * A path dependency's package as a source: the one package in that folder. Its manifest is
 * read once per resolution (the cache is the source object's life).
 */
import { join } from 'node:path'
import type { Package } from '../manifest/model'
import { loadPackage } from '../manifest/read-manifest'
import { summaryOfManifest, type SummaryContext } from './manifest-summary'
import type { SourceId } from './source-id'
import type { PackageSource, Summary } from './summary'

export class PathSource implements PackageSource {
  readonly id: SourceId
  private loaded: Promise<Package> | undefined

  constructor(
    readonly dir: string,
    private readonly ctx: Omit<SummaryContext, 'source'> = {},
    private readonly load: (manifestPath: string) => Promise<Package> = loadPackage
  ) {
    this.id = { kind: 'path', path: dir }
  }

  /** The package's manifest and targets, read on first use. */
  package(): Promise<Package> {
    this.loaded ??= this.load(join(this.dir, 'Cargo.toml'))
    return this.loaded
  }

  async query(packageName: string): Promise<readonly Summary[]> {
    const pkg = await this.package()
    if (pkg.manifest.package.name !== packageName) return []
    return [summaryOfManifest(pkg.manifest, { ...this.ctx, source: this.id })]
  }

  download(): Promise<string> {
    return Promise.resolve(this.dir)
  }
}

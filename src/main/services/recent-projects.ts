/** The start page's recent projects, persisted in the user's config directory. */
import { join } from 'node:path'
import { z } from 'zod'
import type { RecentProject } from '@shared/models/app'
import { readJsonFile, writeJsonFileAtomic } from './json-file'

const MAX_RECENT = 20

const schema = z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.number() }))

export class RecentProjects {
  private readonly file: string
  /** Serializes writes so two quick opens cannot interleave their read-modify-write. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(configDir: string) {
    this.file = join(configDir, 'recent-projects.json')
  }

  list(): Promise<readonly RecentProject[]> {
    return readJsonFile(this.file, schema, [])
  }

  add(path: string, name: string, now = Date.now()): Promise<readonly RecentProject[]> {
    return this.update((list) =>
      [{ path, name, openedAt: now }, ...list.filter((p) => p.path !== path)].slice(0, MAX_RECENT)
    )
  }

  remove(path: string): Promise<readonly RecentProject[]> {
    return this.update((list) => list.filter((p) => p.path !== path))
  }

  private update(
    change: (list: readonly RecentProject[]) => RecentProject[]
  ): Promise<readonly RecentProject[]> {
    const next = this.queue.then(async () => {
      const updated = change(await this.list())
      await writeJsonFileAtomic(this.file, updated)
      return updated
    })
    this.queue = next.catch(() => undefined)
    return next
  }
}

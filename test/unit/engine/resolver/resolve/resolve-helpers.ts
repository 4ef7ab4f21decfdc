/** Runs the resolver over a DSL registry and describes the result compactly for assertions. */
import { resolve } from '../../../../../src/main/engine/resolver/resolve/resolve'
import type { Resolve, ResolveInput } from '../../../../../src/main/engine/resolver/resolve/resolve-types'
import type { Summary } from '../../../../../src/main/engine/sources/summary'
import { memorySources } from './registry-dsl'

export async function resolveWith(
  roots: readonly Summary[],
  registry: readonly Summary[],
  extra: Partial<ResolveInput> = {}
): Promise<Resolve> {
  const { sourceFor } = memorySources([...registry, ...roots])
  return resolve({ roots, sourceFor, ...extra })
}

/** `name@version` of every package, sorted (roots included). */
export function picked(r: Resolve): string[] {
  return [...r.packages.values()].map((p) => `${p.id.name}@${p.id.version}`).sort()
}

/** `name@version -> depname=name@version` edges of one package. */
export function edgesOf(r: Resolve, name: string): string[] {
  const p = [...r.packages.values()].find((x) => x.id.name === name)
  if (!p) throw new Error(`${name} is not in the resolve`)
  return p.deps.map((d) => {
    const target = r.packages.get(d.pkg)!.id
    return `${d.name}=${target.name}@${target.version}`
  })
}

/** The message of the error `promise` rejects with. */
export async function errorOf(
  promise: Promise<unknown>
): Promise<{ message: string; code: string; hint?: string }> {
  try {
    await promise
  } catch (e) {
    const err = e as { message: string; code: string; details?: { hint?: string } }
    return { message: err.message, code: err.code, ...(err.details?.hint ? { hint: err.details.hint } : {}) }
  }
  throw new Error('expected the resolution to fail')
}

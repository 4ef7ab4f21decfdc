/** The contract's input types come from zod and use mutable arrays; our models are readonly. */
import type { ChannelRawInput } from '@shared/ipc/contract'
import type { ManifestEdit } from '@shared/models/manifest-edit'

export type WireEdits = ChannelRawInput<'editManifest'>['edits']

/** The same data: zod's input type only differs in `readonly`. */
export function toWireEdits(edits: readonly ManifestEdit[]): WireEdits {
  return edits as unknown as WireEdits
}

/**
 * Wire names, kept apart from the contract so the preload bundle does not pull in zod.
 */
import type { Channel, PushEvent } from './contract'

/** The wire name of a channel, namespaced so no other IPC traffic can collide. */
export function wireChannel(channel: Channel | PushEvent): string {
  return `crate-studio:${channel}`
}

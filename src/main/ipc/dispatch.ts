/**
 * Transport-independent call handling, shared by Electron IPC and the browser bridge:
 * look up the channel, parse the input with its schema, run the handler, and turn every
 * outcome into a result envelope. No stack trace ever reaches the renderer.
 */
import { invokeContract, type Channel, type ChannelInput, type ChannelOutput } from '@shared/ipc/contract'
import { fail, ok, type Result } from '@shared/ipc/result'
import { toAppError, type ErrorLogger } from '../engine/errors'

export type { ErrorLogger }

export type Handlers = {
  readonly [C in Channel]: (input: ChannelInput<C>) => Promise<ChannelOutput<C>>
}

function isChannel(name: string): name is Channel {
  return Object.hasOwn(invokeContract, name)
}

export async function dispatch(
  handlers: Handlers,
  channel: string,
  rawInput: unknown,
  logError: ErrorLogger = () => {}
): Promise<Result<unknown>> {
  if (!isChannel(channel)) return fail('unknown-channel', `There is no channel named "${channel}".`)
  let parsed
  try {
    parsed = invokeContract[channel].input.safeParse(rawInput)
  } catch {
    // A pathological input (nesting deep enough to exhaust the stack) is still just bad input.
    return fail('invalid-input', `Invalid input for ${channel}: the value is too large or too deeply nested.`)
  }
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.join('.') || '(input)',
      message: i.message
    }))
    return fail(
      'invalid-input',
      `Invalid input for ${channel}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
      {
        issues
      }
    )
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>
    return ok(await handler(parsed.data))
  } catch (e) {
    return { ok: false, error: toAppError(e, channel, logError) }
  }
}

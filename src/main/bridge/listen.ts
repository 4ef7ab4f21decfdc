/**
 * Binding to the loopback interface only, with errors a person can act on instead of a
 * stack trace from `listen`.
 */
import type { Server } from 'node:http'
import { EngineError } from '../engine/errors'

/** The only interface the bridge listens on: nothing off this machine can reach it. */
export const LOOPBACK_HOST = '127.0.0.1'

/** Ports must be whole numbers 0–65535; 0 asks the OS for a free one. */
export function checkPort(port: number): number {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new EngineError('invalid-input', `port ${port} is not valid`, {
      hint: 'pass --port with a number from 1 to 65535, or 0 for any free port'
    })
  }
  return port
}

/**
 * Expected situations (port taken, not allowed) are EngineErrors, so the CLI prints a plain
 * `error:` line instead of calling them a bug.
 */
function listenError(error: NodeJS.ErrnoException, port: number): EngineError {
  if (error.code === 'EADDRINUSE')
    return new EngineError('already-exists', `port ${port} is already in use`, {
      hint: 'pass --port with another port'
    })
  if (error.code === 'EACCES') {
    return new EngineError('invalid-input', `not allowed to listen on port ${port}`, {
      hint: 'pass --port with a port above 1023'
    })
  }
  return new EngineError('io', `could not listen on ${LOOPBACK_HOST}:${port}: ${error.message}`)
}

/** Listens on 127.0.0.1 and resolves with the bound port. */
export function listenOnLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening)
      reject(listenError(error, port))
    }
    const onListening = () => {
      server.off('error', onError)
      const address = server.address()
      if (address === null || typeof address === 'string') reject(new Error('the bridge has no TCP address'))
      else resolve(address.port)
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen({ port, host: LOOPBACK_HOST, exclusive: true })
  })
}

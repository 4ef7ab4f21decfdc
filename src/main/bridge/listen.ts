/**
 * Binding to the loopback interface only, with errors a person can act on instead of a
 * stack trace from `listen`.
 */
import type { Server } from 'node:http'

/** The only interface the bridge listens on: nothing off this machine can reach it. */
export const LOOPBACK_HOST = '127.0.0.1'

/** Ports must be whole numbers 0–65535; 0 asks the OS for a free one. */
export function checkPort(port: number): number {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `port ${port} is not valid; pass --port with a number from 1 to 65535, or 0 for any free port`
    )
  }
  return port
}

function listenError(error: NodeJS.ErrnoException, port: number): Error {
  if (error.code === 'EADDRINUSE')
    return new Error(`port ${port} is already in use; pass --port with another port`)
  if (error.code === 'EACCES') {
    return new Error(`not allowed to listen on port ${port}; pass --port with a port above 1023`)
  }
  return new Error(`could not listen on ${LOOPBACK_HOST}:${port}: ${error.message}`)
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

import { QueryClient } from '@tanstack/react-query'

/**
 * Calls go to a local process, not a flaky network: retrying a manifest parse error three
 * times only delays the message, and refetching on focus would re-read files mid-edit.
 */
export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false }
    }
  })
  // Operation state is replaced whole by a pure reducer that already shares unchanged parts;
  // deep-comparing thousands of console lines on every batch would be wasted work.
  client.setQueryDefaults(['operation'], { structuralSharing: false })
  return client
}

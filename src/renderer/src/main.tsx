/**
 * Renderer entry. In Electron the preload has installed `window.api`; served to a browser by
 * `crate-studio web` it has not, so we build the same API over the bridge's WebSocket.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClientProvider } from '@tanstack/react-query'
import { createApi } from '@shared/ipc/create-api'
import { createWebSocketTransport } from './lib/bridge-transport'
import { createQueryClient } from './queries/query-client'
import { App } from './app'
import './styles/theme.css'
import './styles/base.css'
import './styles/controls.css'

// `window.api` is typed as always present; in browser mode it is not until we install it.
if (!(window as { api?: unknown }).api) {
  window.api = createApi(
    createWebSocketTransport(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`)
  )
}

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <App />
    </QueryClientProvider>
  </StrictMode>
)

/**
 * Desktop notifications for long builds and runs, through the Web Notification API (Electron's
 * renderer and a browser both have it). It watches the operations in react-query's cache, so
 * it works whichever view is open; mount it once at the root of the app.
 */
import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { queryKeys } from '../../queries/query-keys'
import { finishNotification, type NotificationText } from './model/build-notification'
import { watchFinishedOperations } from './model/operation-watch'

const OPERATION_KEY = queryKeys.operation('')[0]

/**
 * Shows a notification, asking for permission the first time one is due. Where notifications
 * are missing or refused this does nothing: they are a courtesy, never an error.
 */
export async function showDesktopNotification(text: NotificationText): Promise<void> {
  try {
    if (typeof Notification === 'undefined') return
    let permission = Notification.permission
    if (permission === 'default') permission = await Notification.requestPermission()
    if (permission !== 'granted') return
    const notification = new Notification(text.title, { body: text.body, tag: 'crate-studio-operation' })
    notification.onclick = () => window.focus()
  } catch {
    // Some platforms throw instead of refusing (a constructor that is not allowed): stay quiet.
  }
}

/** Mount once, next to the operation-events subscription. */
export function useBuildNotifications(): void {
  const queryClient = useQueryClient()
  useEffect(
    () =>
      watchFinishedOperations(
        queryClient.getQueryCache(),
        (key) => key[0] === OPERATION_KEY,
        (op) => {
          const text = finishNotification(op)
          if (text) void showDesktopNotification(text)
        }
      ),
    [queryClient]
  )
}

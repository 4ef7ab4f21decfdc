/** Applies the theme setting to the page: `data-theme` pins color-scheme; "system" leaves it to the OS. */
import { useEffect } from 'react'
import type { Theme } from '@shared/models/settings'
import { useSettings } from '../../queries/settings-queries'

export function applyTheme(theme: Theme | undefined): void {
  const root = document.documentElement
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme
  else delete root.dataset.theme
}

export function useThemeSetting(): void {
  const theme = useSettings().data?.settings.theme
  useEffect(() => applyTheme(theme), [theme])
}

/** Shows the theme being chosen before it is saved; leaving the page goes back to the saved one. */
export function useThemePreview(chosen: Theme, saved: Theme): void {
  useEffect(() => {
    applyTheme(chosen)
    return () => applyTheme(saved)
  }, [chosen, saved])
}

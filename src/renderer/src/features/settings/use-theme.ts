/** Applies the theme setting to the page: `data-theme` pins color-scheme; "system" leaves it to the OS. */
import { useEffect } from 'react'
import { useSettings } from '../../queries/settings-queries'

export function useThemeSetting(): void {
  const theme = useSettings().data?.settings.theme
  useEffect(() => {
    const root = document.documentElement
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme
    else delete root.dataset.theme
  }, [theme])
}

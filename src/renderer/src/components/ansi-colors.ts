/**
 * Maps anser's colour output to CSS. The 16 basic colours become classes (themed for light and
 * dark in ansi.css); 256-colour and true-colour values become inline rgb() styles.
 */
import type { CSSProperties } from 'react'

const BASIC = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const

/** xterm's 256-colour palette entry as "r, g, b" (entries 0–15 are handled as classes). */
function paletteRgb(index: number): string {
  if (index >= 232) {
    const level = 8 + (index - 232) * 10
    return `${level}, ${level}, ${level}`
  }
  const cube = index - 16
  const step = (n: number): number => (n === 0 ? 0 : 55 + n * 40)
  return `${step(Math.floor(cube / 36))}, ${step(Math.floor(cube / 6) % 6)}, ${step(cube % 6)}`
}

function paletteClass(index: number): string {
  const name = BASIC[index % 8] ?? 'white'
  return index >= 8 ? `ansi-bright-${name}` : `ansi-${name}`
}

export interface ColorStyle {
  readonly className?: string
  readonly style?: CSSProperties
}

/** Resolves one anser colour value (`ansi-red`, `ansi-palette-200`, `ansi-truecolor`). */
export function resolveColor(value: string | null, truecolor: string | null, layer: 'fg' | 'bg'): ColorStyle {
  if (!value) return {}
  const cssProperty = layer === 'fg' ? 'color' : 'backgroundColor'
  if (value === 'ansi-truecolor') return truecolor ? { style: { [cssProperty]: `rgb(${truecolor})` } } : {}
  const palette = /^ansi-palette-(\d+)$/.exec(value)
  if (palette) {
    const index = Number(palette[1])
    if (index < 16) return { className: `${paletteClass(index)}-${layer}` }
    return { style: { [cssProperty]: `rgb(${paletteRgb(index)})` } }
  }
  return { className: `${value}-${layer}` }
}

/**
 * Renders text with ANSI SGR colours (rustc, build scripts, the user's program) as styled
 * spans. Never as HTML: program output is untrusted and React escapes every span's text.
 */
import { memo, useMemo, type CSSProperties } from 'react'
import Anser from 'anser'
import { resolveColor } from './ansi-colors'
import './ansi.css'

interface Segment {
  readonly text: string
  readonly className: string
  readonly style: CSSProperties | undefined
}

function toSegments(text: string): readonly Segment[] {
  return Anser.ansiToJson(text, { use_classes: true, remove_empty: true }).map((entry) => {
    const fg = resolveColor(entry.fg, entry.fg_truecolor, 'fg')
    const bg = resolveColor(entry.bg, entry.bg_truecolor, 'bg')
    const classes = [fg.className, bg.className, ...entry.decorations.map((d) => `ansi-${d}`)]
    const style = fg.style || bg.style ? { ...fg.style, ...bg.style } : undefined
    return { text: entry.content, className: classes.filter(Boolean).join(' '), style }
  })
}

export const AnsiText = memo(function AnsiText({ text }: { readonly text: string }) {
  const segments = useMemo(() => (text.includes('\x1b') ? toSegments(text) : undefined), [text])
  if (!segments) return <>{text}</>
  return (
    <>
      {segments.map((s, i) =>
        s.className || s.style ? (
          <span key={i} className={s.className || undefined} style={s.style}>
            {s.text}
          </span>
        ) : (
          s.text
        )
      )}
    </>
  )
})

/**
 * A native modal <dialog>: focus trapped, Escape closes, the page behind is inert. Its name is
 * its heading, so tests and screen readers find it by title ("Review changes").
 */
import { useEffect, useId, useRef, type ReactNode } from 'react'
import './manifest-dialogs.css'

interface Props {
  readonly title: string
  readonly onClose: () => void
  readonly children: ReactNode
  readonly className?: string
  /** While something runs (a save), Escape does nothing. */
  readonly locked?: boolean
}

export function ModalDialog({ title, onClose, children, className, locked }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  return (
    <dialog
      ref={ref}
      className={`me-dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        if (!locked) onClose()
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  )
}

'use client';
import { useEffect, useRef } from 'react';

/**
 * A heading that takes the focus when it mounts (React's autoFocus only applies to form controls),
 * so after each choice keyboard and screen-reader users land on what is new. Remount it (a `key`)
 * to move the focus again.
 */
export function FocusHeading({ id, className, children }: { id: string; className?: string; children: React.ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className={className}>
      {children}
    </h2>
  );
}

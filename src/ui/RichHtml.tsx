/** Card HTML shown through the sanitizer (sanitizeHtml.ts); re-rendered when the HTML or its media change. */
import { useLayoutEffect, useRef } from 'react';
import { type MediaUrl, sanitizeCardHtml } from './sanitizeHtml';

export function RichHtml({
  html,
  mediaUrl,
  className,
}: {
  html: string;
  mediaUrl: MediaUrl;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    ref.current?.replaceChildren(sanitizeCardHtml(html, mediaUrl));
  }, [html, mediaUrl]);
  return <div ref={ref} className={className ? `rich-html ${className}` : 'rich-html'} />;
}

/** A card's HTML on the review screen, with its images and sounds from the deck's media in IndexedDB. */
import { useMemo } from 'react';
import { useMediaUrls } from '../../db/mediaRepo';
import { localMedia } from '../../domain/transfer/richField';
import { RichHtml } from '../../ui/RichHtml';

export function CardHtml({ deckId, html, className }: { deckId: string; html: string; className?: string }) {
  const names = useMemo(() => localMedia(html), [html]);
  const mediaUrl = useMediaUrls(deckId, names);
  // While media load, nothing flashes their names: the card appears once its images can.
  if (!mediaUrl) return <div className={className} aria-busy="true" />;
  return <RichHtml html={html} mediaUrl={mediaUrl} {...(className ? { className } : {})} />;
}

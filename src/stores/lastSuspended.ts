/** The item the review screen suspended last, so its notice can offer Undo. */
import { create } from 'zustand';

export type SuspendedRef = { deckId: string; itemId: string };

export const useLastSuspended = create<{ item: SuspendedRef | null }>(() => ({ item: null }));

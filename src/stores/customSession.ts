/**
 * The running custom study session (see domain/customStudy.ts): its item ids, chosen once when it starts, and
 * how far it has gone. Kept per address, so reloading the page starts the session afresh from the database.
 */
import { create } from 'zustand';
import { afterAnswer, type CustomSession } from '../domain/customStudy';

type CustomSessionState = {
  /** The session's address (deck and query string); null before one starts. */
  key: string | null;
  session: CustomSession | null;
  start: (key: string, order: readonly string[]) => void;
  answered: (again: boolean, writes: boolean) => void;
};

export const useCustomSession = create<CustomSessionState>()((set) => ({
  key: null,
  session: null,
  start: (key, order) => set({ key, session: { order, position: 0 } }),
  answered: (again, writes) =>
    set((s) => (s.session ? { session: afterAnswer(s.session, again, writes) } : s)),
}));

export function resetCustomSession(): void {
  useCustomSession.setState({ key: null, session: null });
}

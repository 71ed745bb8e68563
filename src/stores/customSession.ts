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
  /** The review log of the session's last counted answer, which undo would take back; null otherwise. */
  lastLogId: number | null;
  start: (key: string, order: readonly string[]) => void;
  answered: (again: boolean, writes: boolean, logId?: number) => void;
  /** The last counted answer was undone: its item is shown again. */
  undone: () => void;
};

export const useCustomSession = create<CustomSessionState>()((set) => ({
  key: null,
  session: null,
  lastLogId: null,
  start: (key, order) => set({ key, session: { order, position: 0 }, lastLogId: null }),
  answered: (again, writes, logId) =>
    set((s) =>
      s.session ? { session: afterAnswer(s.session, again, writes), lastLogId: logId ?? null } : s,
    ),
  undone: () =>
    set((s) =>
      s.session && s.lastLogId !== null
        ? { session: { ...s.session, position: Math.max(0, s.session.position - 1) }, lastLogId: null }
        : s,
    ),
}));

export function resetCustomSession(): void {
  useCustomSession.setState({ key: null, session: null, lastLogId: null });
}

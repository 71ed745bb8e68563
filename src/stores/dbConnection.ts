/**
 * The database connection as other tabs affect it: a newer version of Cardinal in another tab upgrading the
 * schema (this tab must reload), or this tab's upgrade waiting for an older tab to let go.
 */
import { create } from 'zustand';

type DbConnectionState = {
  /** Another tab upgraded (or deleted) the database: this tab closed its connection and must reload. */
  replaced: boolean;
  /** This tab's upgrade is waiting for another tab that still has the old version open. */
  blocked: boolean;
};

export const useDbConnection = create<DbConnectionState>(() => ({ replaced: false, blocked: false }));

export function connectionReplaced(): void {
  useDbConnection.setState({ replaced: true });
}

export function upgradeBlocked(blocked: boolean): void {
  useDbConnection.setState({ blocked });
}

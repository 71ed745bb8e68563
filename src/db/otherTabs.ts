/**
 * Several tabs on one database. A tab whose schema is older than another tab's closes its connection when that
 * tab upgrades (IndexedDB `versionchange`), instead of blocking the upgrade and leaving the new tab hanging;
 * it is then told to reload. A tab whose upgrade is blocked by an old tab that does not let go (`blocked`) says
 * so. Review changes themselves reach other tabs through Dexie's live queries (BroadcastChannel).
 */
import type { CardinalDb } from './database';

export function watchOtherTabs(
  db: CardinalDb,
  on: { replaced: () => void; blocked: (blocked: boolean) => void },
): void {
  // Subscribers run before Dexie's default handler; returning false skips it (it would only log and close).
  db.on('versionchange', () => {
    db.close();
    on.replaced();
    return false;
  });
  db.on('blocked', () => {
    on.blocked(true);
  });
  db.on('ready', () => on.blocked(false));
}

import { CheckDatabaseSection } from './CheckDatabaseSection';
import { SnapshotsSection } from './SnapshotsSection';
import { StorageSection } from './StorageSection';

/** App settings: where your data lives and how it is kept safe. */
export function StoragePage() {
  return (
    <section aria-labelledby="app-settings-heading" className="app-settings">
      <h1 id="app-settings-heading">Settings</h1>
      <StorageSection />
      <SnapshotsSection />
      <CheckDatabaseSection />
    </section>
  );
}

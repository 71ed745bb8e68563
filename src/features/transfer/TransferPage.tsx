import './transfer.css';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';

/** Import / Export: decks, backups, CSV and review logs. */
export function TransferPage() {
  return (
    <section aria-labelledby="transfer-heading" className="transfer-page">
      <h1 id="transfer-heading">Import / Export</h1>
      <ImportPanel />
      <ExportPanel />
    </section>
  );
}

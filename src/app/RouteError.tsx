import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { errorText } from '../stores/actionErrors';
import { ExportBackupButton } from './ExportBackupButton';

/** What a page shows when it fails: what happened, Reload, Export backup, and where to check the database. */
export function RouteError() {
  const error = useRouteError();
  const reason = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : errorText(error);
  return (
    <section className="route-error" role="alert" aria-labelledby="route-error-heading">
      <h1 id="route-error-heading">This page could not be shown</h1>
      <p>{reason}</p>
      <p>
        Your decks and reviews are stored in this browser. Reloading often helps; exporting a backup first
        keeps a copy of everything that can still be read.{' '}
        <Link to="/settings">Settings → Check database</Link> finds and repairs damaged records.
      </p>
      <p className="actions">
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          Reload
        </button>
        <ExportBackupButton />
      </p>
    </section>
  );
}

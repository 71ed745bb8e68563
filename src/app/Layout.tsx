import { type ReactNode, Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { ActionErrorAlert } from './ActionErrorAlert';
import { BackupReminder } from './BackupReminder';
import { BootErrorBoundary } from './BootErrorBoundary';
import { useDocumentTitle } from './useDocumentTitle';
import { usePersistAfterReview } from './usePersistAfterReview';

export function Layout() {
  return (
    <LayoutFrame>
      <BootErrorBoundary>
        <Suspense fallback={<p className="boot-status">Opening your decks…</p>}>
          <WithDatabase />
          <Outlet />
        </Suspense>
      </BootErrorBoundary>
    </LayoutFrame>
  );
}

/** What the layout does with the database: inside the Suspense boundary, as it waits for the database to open. */
function WithDatabase() {
  usePersistAfterReview();
  useDocumentTitle();
  return <BackupReminder />;
}

/** Header, navigation and the main landmark around a page (also shown while the first page loads). */
export function LayoutFrame({ children }: { children: ReactNode }) {
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand" aria-label="Cardinal home">
          Cardinal
        </NavLink>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Decks
          </NavLink>
          <NavLink to="/browse">Browse</NavLink>
          <NavLink to="/exams">Exams</NavLink>
          <NavLink to="/stats">Statistics</NavLink>
          <NavLink to="/transfer">Import / Export</NavLink>
          <NavLink to="/settings">Settings</NavLink>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <ActionErrorAlert />
        {children}
      </main>
    </div>
  );
}

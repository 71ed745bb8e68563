import { NavLink, Outlet } from 'react-router';
import { ActionErrorAlert } from './ActionErrorAlert';
import { BackupReminder } from './BackupReminder';
import { useDocumentTitle } from './useDocumentTitle';
import { usePersistAfterReview } from './usePersistAfterReview';

export function Layout() {
  usePersistAfterReview();
  useDocumentTitle();
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
          <NavLink to="/exams">Exams</NavLink>
          <NavLink to="/stats">Statistics</NavLink>
          <NavLink to="/transfer">Import / Export</NavLink>
          <NavLink to="/settings">Settings</NavLink>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <ActionErrorAlert />
        <BackupReminder />
        <Outlet />
      </main>
    </div>
  );
}

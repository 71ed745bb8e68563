import { lazy, type ReactNode, Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { ActionErrorAlert } from './ActionErrorAlert';
import { BootErrorBoundary } from './BootErrorBoundary';

export function Layout() {
  return (
    <LayoutFrame>
      <BootErrorBoundary>
        <Suspense fallback={<p className="boot-status">Opening your decks…</p>}>
          <Suspense fallback={null}>
            <WithDatabase />
          </Suspense>
          <Outlet />
        </Suspense>
      </BootErrorBoundary>
    </LayoutFrame>
  );
}

/**
 * What the layout does with the database (title, backup reminder, asking to persist storage): its own chunk, so
 * the app shell's first paint carries neither Dexie nor zod; inside the boundary that waits for the database.
 */
const WithDatabase = lazy(() => import('./WithDatabase').then((m) => ({ default: m.WithDatabase })));

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

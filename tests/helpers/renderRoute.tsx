import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { routes } from '../../src/app/routes';
import type { CardinalDb } from '../../src/db/database';
import { DbProvider } from '../../src/db/react';

/** Renders the real app routes at `path`, over the given database, as a user would see them. */
export function renderRoute(db: CardinalDb, path = '/') {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(
    <DbProvider db={db}>
      <RouterProvider router={router} />
    </DbProvider>,
  );
  return { ...view, user, router };
}

import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Pages are lazy routes and the suite runs beside e2e and other work on a 2-core machine: findBy*/waitFor wait up
// to 5 s (they return as soon as the element is there; nothing here measures time).
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
});

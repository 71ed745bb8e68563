import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Every page is a lazy route: its first load in a test file (transform + import) can take seconds on a busy
// 2-core machine, so findBy* waits up to 5 s instead of 1 s.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
});

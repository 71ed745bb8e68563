import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { DbProvider } from '../../src/db/react';
import { useTablesVersion } from '../../src/db/useTablesVersion';
import { freshDb, T0 } from '../helpers/builders';
import { newItem } from '../helpers/items';

describe('useTablesVersion', () => {
  it('is known at once, and moves when a row of its tables changes, not of others', async () => {
    const db = await freshDb();
    const wrapper = ({ children }: { children: ReactNode }) => <DbProvider db={db}>{children}</DbProvider>;
    const { result } = renderHook(() => useTablesVersion(['cards', 'cardStates']), { wrapper });
    const first = result.current;
    expect(first).toBeTypeOf('number');

    await act(() => db.cardStates.put(newItem('c1#1', T0)));
    await waitFor(() => expect(result.current).not.toBe(first));
    const second = result.current;

    await act(() => db.settings.put({ key: 'other', value: 1 }));
    await act(() => db.cardStates.get(['d', 'c1#1']));
    expect(result.current).toBe(second);

    await act(() => db.cardStates.where('deckId').equals('d').modify({ flag: 2 }));
    await waitFor(() => expect(result.current).not.toBe(second));
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/builders';
import { renderRoute } from '../../helpers/renderRoute';

describe('a wrong separator', () => {
  it('is said first, with the separator that works, and Import waits for a confirmation', async () => {
    const db = await freshDb();
    const { user } = renderRoute(db, '/transfer');
    const text =
      'hypervisor\tsoftware that runs VMs\ncontainer\tan isolated process\nsnapshot\tsaved, VM, state\n';
    await user.upload(
      await screen.findByLabelText('Choose a file to import', {}, { timeout: 5000 }),
      new File([text], 'quizlet.txt', { type: 'text/plain' }),
    );
    const separator = await screen.findByLabelText('Field separator', {}, { timeout: 5000 });
    expect(separator).toHaveValue('\t');
    await user.selectOptions(separator, 'Comma');
    await user.click(screen.getByRole('button', { name: 'Check cards' }));
    const summary = await screen.findByRole('status', { name: 'Import summary' }, { timeout: 5000 });
    const advice =
      'Most rows would be skipped (2 of 3) with the separator comma. With Tab as the separator, 3 rows import: choose it under Field separator.';
    expect(within(summary).getAllByRole('listitem')[0]).toHaveTextContent(advice);
    const importButton = screen.getByRole('button', { name: 'Import' });
    expect(importButton).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /^Import anyway/ }));
    expect(importButton).toBeEnabled();
  });
});

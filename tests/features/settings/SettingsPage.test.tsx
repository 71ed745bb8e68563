import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { syncDeck } from '../../../src/db/deckInstall';
import { DEFAULT_SCHEDULER_SETTINGS, schedulerSettingsKey } from '../../../src/domain/settings';
import { freshDb, makeDeck, T0 } from '../../helpers/builders';
import { renderRoute } from '../../helpers/renderRoute';

async function settingsPage() {
  const db = await freshDb();
  await syncDeck(db, makeDeck(), T0, { shipped: true });
  const view = renderRoute(db, '/decks/test-deck/settings');
  await screen.findByRole('heading', { name: 'Settings: Test deck' });
  return { db, ...view };
}

describe('Settings page', { timeout: 20_000 }, () => {
  it('says what a number field accepts in plain words and saves nothing', async () => {
    const { db, user } = await settingsPage();
    const newPerDay = screen.getByRole('textbox', { name: 'New cards per day' });
    await user.clear(newPerDay);
    await user.type(newPerDay, '-1');
    const retention = screen.getByRole('textbox', { name: 'Desired retention' });
    await user.clear(retention);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(newPerDay).toHaveAccessibleDescription('Enter a whole number from 0 to 9999.');
    expect(newPerDay).toHaveAttribute('aria-invalid', 'true');
    expect(retention).toHaveAccessibleDescription(
      'This field is empty. Enter a number from 0.70 to 0.99, e.g. 0.90.',
    );
    expect(document.body.textContent).not.toMatch(/Too small|expected|>=/);
    expect(screen.getByRole('status')).toHaveTextContent(/need fixing/);
    expect(await db.settings.get(schedulerSettingsKey('test-deck'))).toBeUndefined();
  });

  it('gives step lists a text keyboard and names the step it cannot read', async () => {
    const { user } = await settingsPage();
    const steps = screen.getByRole('textbox', { name: 'Learning steps' });
    expect(steps).toHaveAttribute('inputmode', 'text');
    expect(screen.getByRole('textbox', { name: 'Relearning steps' })).toHaveAttribute('inputmode', 'text');
    expect(screen.getByRole('textbox', { name: 'New cards per day' })).toHaveAttribute(
      'inputmode',
      'numeric',
    );
    await user.clear(steps);
    await user.type(steps, '1m 5x 1d');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(steps).toHaveAccessibleDescription(
      '“5x” is not a step. Write up to 10 steps like 1m 10m 1h 1d (minutes, hours, days), separated by spaces.',
    );
  });

  it('clears the errors on "Restore defaults" and saves the defaults', async () => {
    const { db, user } = await settingsPage();
    const reviews = screen.getByRole('textbox', { name: 'Maximum reviews per day' });
    await user.clear(reviews);
    await user.type(reviews, 'lots');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(reviews).toHaveAttribute('aria-invalid', 'true');

    await user.click(screen.getByRole('button', { name: 'Restore defaults' }));
    expect(reviews).not.toHaveAttribute('aria-invalid');
    expect(reviews).toHaveValue('200');
    expect(reviews).toHaveAccessibleDescription('');
    expect(screen.getByRole('status')).toHaveTextContent('Defaults restored in the form: save to keep them.');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect((await db.settings.get(schedulerSettingsKey('test-deck')))?.value).toEqual(
      DEFAULT_SCHEDULER_SETTINGS,
    );
  });
});

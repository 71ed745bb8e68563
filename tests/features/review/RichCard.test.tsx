import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { syncDeck } from '../../../src/db/deckInstall';
import { putDeckMedia } from '../../../src/db/mediaRepo';
import { schedulerSettingsKey } from '../../../src/domain/settings';
import { resetReviewSession } from '../../../src/stores/reviewSession';
import { basic, freshDb, makeDeck } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

beforeEach(() => resetReviewSession());

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('rich cards on the review screen', () => {
  it('shows the image from the deck media, formatting, line breaks; hostile markup stays inert', async () => {
    const db = await freshDb();
    const deck = makeDeck({
      cards: [
        basic('img', {
          front: '[towel.png]',
          frontHtml: '<img src="towel.png" alt="A towel"><script>window.__pwned=1</script>',
          back: 'Towel\nbath',
          backHtml: '<b>Towel</b><br>bath<img src=x onerror="window.__pwned=2">',
        }),
      ],
    });
    await syncDeck(db, deck, Date.now(), { shipped: false });
    await db.transaction('rw', db.media, () =>
      putDeckMedia(db, 'test-deck', [{ name: 'towel.png', type: 'image/png', bytes: PNG }]),
    );
    await db.settings.put({ key: schedulerSettingsKey('test-deck'), value: SETTINGS });
    const { user } = renderRoute(db, '/review/test-deck');

    const image = await screen.findByRole('img', { name: 'A towel' }, { timeout: 5000 });
    expect(image.getAttribute('src')).toMatch(/^(blob:|data:image\/png;base64,)/);
    await user.keyboard(' ');
    const answer = screen.getByRole('region', { name: 'Answer' });
    expect(answer.querySelector('b')?.textContent).toBe('Towel');
    expect(answer.querySelector('br')).not.toBeNull();
    expect(answer.textContent).toContain('[x]');
    expect(document.querySelector('script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('shows a plain card’s line breaks', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck({ cards: [basic('a', { front: 'line one\nline two' })] }), Date.now(), {
      shipped: false,
    });
    await db.settings.put({ key: schedulerSettingsKey('test-deck'), value: SETTINGS });
    renderRoute(db, '/review/test-deck');
    const question = await screen.findByText(/line one/, {}, { timeout: 5000 });
    expect(question.textContent).toBe('line one\nline two');
    expect(question).toHaveClass('prompt-question');
  });
});

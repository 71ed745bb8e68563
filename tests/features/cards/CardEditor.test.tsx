import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CardinalDb } from '../../../src/db/database';
import { syncDeck } from '../../../src/db/deckInstall';
import { recordAnswer } from '../../../src/db/reviewRepo';
import { freshDb, makeDeck, T0 } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

configure({ asyncUtilTimeout: 10_000 });

async function seeded(shipped = false): Promise<CardinalDb> {
  const db = await freshDb();
  await syncDeck(db, makeDeck(), T0, { shipped });
  await recordAnswer(
    db,
    'test-deck',
    'a.one#1',
    { rating: 3, now: T0, durationMs: 2000, source: 'review' },
    SETTINGS,
  );
  await recordAnswer(
    db,
    'test-deck',
    'a.cloze#2',
    { rating: 3, now: T0, durationMs: 2000, source: 'review' },
    SETTINGS,
  );
  return db;
}

describe('Card editor', { timeout: 40_000 }, () => {
  it('basic: fixing wording saves and keeps the review state; an empty field is explained', async () => {
    const db = await seeded(true);
    const before = await db.cardStates.get(['test-deck', 'a.one#1']);
    const { user } = renderRoute(db, '/cards/test-deck/a.one/edit');
    const front = await screen.findByRole('textbox', { name: 'Front' });
    await user.clear(front);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Front must be a non-empty string.')).toBeInTheDocument();
    expect(front).toHaveAttribute('aria-invalid', 'true');
    expect((await db.cards.get(['test-deck', 'a.one']))?.card).toMatchObject({ front: 'Front of a.one' });

    await user.type(front, 'Fixed front');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved. Its review history is kept.')).toBeInTheDocument();
    const card = await db.cards.get(['test-deck', 'a.one']);
    expect(card?.card).toMatchObject({ front: 'Fixed front' });
    expect(card?.userEdit?.base).toMatchObject({ front: 'Front of a.one' });
    expect(await db.cardStates.get(['test-deck', 'a.one#1'])).toEqual(before);
  });

  it('basic: turning on "reversed" says a new card will be learned', async () => {
    const db = await seeded();
    const { user } = renderRoute(db, '/cards/test-deck/a.one/edit');
    await user.click(await screen.findByRole('checkbox', { name: /reversed card/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByText('Saving changes what this card asks:');
    expect(alert.parentElement).toHaveTextContent(
      'The reverse (back → front) card will be a new card to learn.',
    );
    await user.click(screen.getByRole('button', { name: 'Save anyway' }));
    expect(await screen.findByText('Saved. Its review history is kept.')).toBeInTheDocument();
    expect(await db.cardStates.get(['test-deck', 'a.one#2'])).toMatchObject({ queue: 'new' });
  });

  it('cloze: live preview of the deletions; removing one says what happens before saving', async () => {
    const db = await seeded();
    const { user } = renderRoute(db, '/cards/test-deck/a.cloze/edit');
    const text = await screen.findByRole('textbox', { name: 'Text' });
    const preview = () => screen.getByRole('region', { name: 'Preview of the deletions' });
    expect(within(preview()).getAllByRole('listitem')).toHaveLength(2);
    expect(preview()).toHaveTextContent('c2: VXLAN uses UDP port […].');
    await user.clear(text);
    await user.type(text, '{{{{c1::VXLAN}} uses UDP port 4789.');
    expect(within(preview()).getAllByRole('listitem')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(/Deletion c2 will no longer be asked \(reviewed 1 time\)/),
    ).toBeInTheDocument();
    expect((await db.cards.get(['test-deck', 'a.cloze']))?.card).toMatchObject({
      text: '{{c1::VXLAN}} uses UDP port {{c2::4789}}.',
    });
    await user.click(screen.getByRole('button', { name: 'Save anyway' }));
    await screen.findByText('Saved. Its review history is kept.');
    expect(await db.cardStates.get(['test-deck', 'a.cloze#2'])).toMatchObject({
      retired: true,
      queue: 'retired',
    });
    expect(await db.reviewLogs.where('[deckId+itemId]').equals(['test-deck', 'a.cloze#2']).count()).toBe(1);
  });

  it('cloze: broken syntax is named in plain words', async () => {
    const db = await seeded();
    const { user } = renderRoute(db, '/cards/test-deck/a.cloze/edit');
    const text = await screen.findByRole('textbox', { name: 'Text' });
    await user.clear(text);
    await user.type(text, 'VXLAN {{{{c1::}}');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Text deletion c1 has an empty answer.')).toBeInTheDocument();
  });

  it('mcq: options one per line, correct ones ticked; no correct option is explained', async () => {
    const db = await seeded();
    const { user } = renderRoute(db, '/cards/test-deck/b.mcq/edit');
    await user.click(await screen.findByRole('checkbox', { name: 'SAN' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Correct options needs at least one correct option.')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'NAS' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved. Its review history is kept.');
    expect((await db.cards.get(['test-deck', 'b.mcq']))?.card).toMatchObject({ correct: [1] });
  });

  it('true/false: the answer flips and an empty explanation is explained', async () => {
    const db = await seeded();
    const { user } = renderRoute(db, '/cards/test-deck/b.tf/edit');
    await user.click(await screen.findByRole('radio', { name: 'False' }));
    await user.clear(screen.getByRole('textbox', { name: 'Explanation' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Explanation must be a non-empty string.')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Explanation' }), 'Guide, NAS.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved. Its review history is kept.');
    expect((await db.cards.get(['test-deck', 'b.tf']))?.card).toMatchObject({ answer: false });
  });

  it('adds cards to the chosen deck and remembers the deck and kind', async () => {
    const db = await seeded();
    const { user } = renderRoute(db, '/cards/new?deck=test-deck');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Kind' }), 'truefalse');
    await user.type(screen.getByRole('textbox', { name: 'Statement' }), 'A SAN is block-level.');
    await user.type(screen.getByRole('textbox', { name: 'Explanation' }), 'Guide, SAN.');
    await user.click(screen.getByRole('button', { name: 'Add card' }));
    expect(await screen.findByText('Added a card to Test deck.')).toBeInTheDocument();
    const added = await db.cards.get(['test-deck', 'u.a-san-is-block-level']);
    expect(added?.card).toMatchObject({
      kind: 'truefalse',
      statement: 'A SAN is block-level.',
      answer: true,
    });
    expect(await db.cardStates.get(['test-deck', 'u.a-san-is-block-level#1'])).toMatchObject({
      queue: 'new',
    });
    expect((await db.decks.get('test-deck'))?.cardCount).toBe(6);
    expect(await db.settings.get('editor:lastAdd')).toEqual({
      key: 'editor:lastAdd',
      value: { deckId: 'test-deck', kind: 'truefalse' },
    });
  });
});

import { useEffect, useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ALL_DECKS, TAG_SCOPE_LIMIT } from '../../db/reviewScreen';
import { suggestedGrade } from '../../domain/answer';
import { customStudySearch, dailyScopeSearch, parseCustomStudy } from '../../domain/customStudy';
import { isCorrectChoice } from '../../domain/deck/prompt';
import type { Grade4 } from '../../domain/scheduler';
import { checkTypedAnswer, TYPE_IN_MAX_LENGTH } from '../../domain/typeDiff';
import { now, useNow } from '../../stores/clock';
import { presentationKey, presentationOf, useReviewSessionView } from '../../stores/reviewSession';
import { NotFound } from '../../ui/NotFound';
import { CardMarks } from './CardMarks';
import { CountsHelp } from './CountsHelp';
import { CustomStudyBanner } from './CustomStudyBanner';
import { GradeButtons } from './GradeButtons';
import { GuideExcerpt } from './GuideExcerpt';
import { PromptView } from './PromptView';
import { QueueCounts } from './QueueCounts';
import { ReviewDone } from './ReviewDone';
import { ReviewToolbar } from './ReviewToolbar';
import { SavingStatus } from './SavingStatus';
import { SuspendUndo } from './SuspendUndo';
import { useCustomScreen } from './useCustomScreen';
import { useFocusOnNextCard } from './useFocusOnNextCard';
import { useReviewActions } from './useReviewActions';
import { useReviewKeys } from './useReviewKeys';
import { useOutcomes, usePrompt, useReviewScreen } from './useReviewScreen';

export function ReviewPage() {
  const { scope = ALL_DECKS } = useParams();
  const [params] = useSearchParams();
  const section = params.get('section');
  const tag = params.get('tag') || null;
  const custom = useMemo(() => parseCustomStudy(params), [params]);
  const sessionScope = custom
    ? `${scope}${customStudySearch(custom)}`
    : `${scope}${dailyScopeSearch(section, tag)}`;
  const daily = useReviewScreen(scope, section, custom === null, tag);
  const customScreen = useCustomScreen(scope, custom, sessionScope);
  const screen = custom ? customScreen : daily;
  const prompt = usePrompt(screen);
  const session = useReviewSessionView();
  const actions = useReviewActions(screen, customScreen?.custom);
  const item = screen?.queue.current ?? null;
  const key = item ? presentationKey(item) : null;
  const cardRef = useFocusOnNextCard(key);
  const view = presentationOf(session, key);
  const settings = item ? screen?.settings[item.deckId] : undefined;
  const deck = screen?.decks.find((d) => d.id === item?.deckId);
  const title = scope === ALL_DECKS ? 'All decks' : (screen?.decks[0]?.title ?? '');

  useEffect(() => session.begin(sessionScope, now()), [sessionScope, session.begin]);
  useEffect(() => session.show(key, now()), [key, session.show]);

  // Intervals are computed when the answer shows, for the moment it shows (not while the question is up, so
  // showing the next card does not wait for the scheduler).
  const revealedAt = useNow(30_000);
  const outcomes = useOutcomes(view.phase === 'answer' ? screen : null, revealedAt);

  const typeIn =
    settings?.typeInAnswers === true &&
    prompt?.kind === 'basic' &&
    prompt.answer.length <= TYPE_IN_MAX_LENGTH;
  const typedCheck = useMemo(
    () =>
      typeIn && prompt?.kind === 'basic' && view.phase === 'answer'
        ? checkTypedAnswer(view.typed, prompt.answer)
        : null,
    [typeIn, prompt, view.phase, view.typed],
  );
  const suggested: Grade4 | null =
    view.phase !== 'answer'
      ? null
      : prompt?.kind === 'choice' // not answered (Space revealed it) suggests Again
        ? suggestedGrade(view.choice !== null && isCorrectChoice(prompt, view.choice))
        : typedCheck
          ? suggestedGrade(typedCheck.correct)
          : null;

  useReviewKeys({
    active: session.showing === key,
    phase: view.phase,
    prompt,
    suggested,
    canUndo: screen?.undoable !== undefined,
    onReveal: session.reveal,
    onChoose: session.choose,
    onGrade: (rating) => void actions.grade(rating),
    onUndo: () => void actions.undo(),
    onBury: () => void actions.bury(),
    onSuspend: () => void actions.suspend(),
    onMark: () => void actions.toggleMark(),
  });

  if (screen === undefined) return <p role="status">Loading…</p>;
  if (screen === null)
    return <NotFound what="deck" id={scope} back={{ to: '/', label: 'Go to your decks' }} />;

  return (
    <section className="review" aria-labelledby="review-heading" data-as-of={screen.asOf}>
      <div className="review-header">
        <h1 id="review-heading">
          Review: <span className="deck-name">{title}</span>
          {screen.section && <span className="section-name"> › {screen.section.title}</span>}
          {screen.tag && <span className="section-name"> › tag {screen.tag.name}</span>}
        </h1>
        {!customScreen && (
          <>
            <QueueCounts counts={screen.queue.counts} current={item?.queue ?? null} />
            <CountsHelp />
          </>
        )}
      </div>
      {screen.tag?.truncated && (
        <p className="notice">
          This tag is on more than {TAG_SCOPE_LIMIT.toLocaleString('en')} cards: this session covers the first{' '}
          {TAG_SCOPE_LIMIT.toLocaleString('en')} of them in deck order. Study a deck or a section for the
          rest.
        </p>
      )}
      {customScreen?.custom && <CustomStudyBanner info={customScreen.custom} />}
      {session.notice && (
        <p className="notice" role="status">
          {session.notice} <SuspendUndo />
        </p>
      )}
      <SavingStatus />
      {item && prompt && settings ? (
        <article className="review-card" aria-label="Card" ref={cardRef}>
          <CardMarks item={item} />
          <PromptView
            prompt={prompt}
            deckId={item.deckId}
            phase={view.phase}
            choice={view.choice}
            onChoose={session.choose}
            typedCheck={typedCheck}
          />
          {view.phase === 'question' && prompt.kind !== 'choice' && (
            <form
              className="reveal"
              onSubmit={(event) => {
                event.preventDefault();
                session.reveal();
              }}
            >
              {typeIn && (
                <label>
                  Type the answer
                  <input
                    // biome-ignore lint/a11y/noAutofocus: the review screen is a typing task; focus belongs here
                    autoFocus
                    type="text"
                    value={view.typed}
                    onChange={(event) => session.setTyped(event.target.value)}
                    autoComplete="off"
                    spellCheck={false}
                  />
                </label>
              )}
              <button type="submit" className="primary" aria-keyshortcuts="Space Enter">
                Show answer{' '}
                <span className="key-hint" aria-hidden="true">
                  <kbd>{typeIn ? 'Enter' : 'Space'}</kbd>
                </span>
              </button>
            </form>
          )}
          {view.phase === 'answer' && outcomes && (
            <>
              <GuideExcerpt deck={deck} sectionId={item.section} card={screen.card?.card} />
              <GradeButtons
                outcomes={outcomes}
                suggested={suggested}
                onGrade={actions.grade}
                unscheduled={customScreen?.custom.writes === false}
              />
            </>
          )}
        </article>
      ) : (
        <ReviewDone screen={screen} custom={customScreen?.custom} />
      )}
      <ReviewToolbar
        item={item}
        canUndo={screen.undoable !== undefined}
        onUndo={actions.undo}
        onBury={actions.bury}
        onSuspend={actions.suspend}
        onMark={actions.toggleMark}
        onFlag={actions.flag}
      />
    </section>
  );
}

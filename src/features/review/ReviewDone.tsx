import { Link } from 'react-router';
import type { ReviewScreen } from '../../db/reviewScreen';
import { now } from '../../stores/clock';
import { useReviewSession } from '../../stores/reviewSession';
import { CustomStudyChoices } from './CustomStudyChoices';
import { StudyMore } from './StudyMore';
import type { CustomInfo } from './useCustomScreen';

const timeFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  hour: '2-digit',
  minute: '2-digit',
});
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** What the review screen shows when nothing is due now: waiting for a learning step, or done for today. */
export function ReviewDone({ screen, custom }: { screen: ReviewScreen; custom?: CustomInfo | undefined }) {
  const { answered, again, startedAt } = useReviewSession();
  const waitingUntil = screen.queue.nextLearningDue;
  // One deck's review offers that deck's custom study; an all-decks review, custom study over every deck.
  const deck = screen.allDecks ? undefined : screen.decks[0];
  return (
    <div className="review-done">
      {custom ? (
        <>
          <h2>Custom study session finished</h2>
          <p>
            {custom.total === 0
              ? 'No card matches this custom study choice.'
              : `All ${custom.total} ${custom.total === 1 ? 'card' : 'cards'} of this session were shown.`}
          </p>
          <CustomStudyChoices deck={deck ?? null} />
        </>
      ) : waitingUntil !== null ? (
        <>
          <h2>Learning cards are coming back</h2>
          <p>
            The next learning card is due at <strong>{timeFormat.format(waitingUntil)}</strong>. Keep this
            page open: it will show the card when it is due.
          </p>
        </>
      ) : (
        <>
          <h2>Done for today</h2>
          <p>
            {screen.tag?.count === 0
              ? `No card ${deck ? 'of this deck ' : ''}has the tag “${screen.tag.name}”.`
              : screen.nextDue === null
                ? 'No card is scheduled yet.'
                : `The next review is due ${dateFormat.format(screen.nextDue)}.`}
          </p>
          <StudyMore screen={screen} />
          <CustomStudyChoices deck={deck ?? null} />
        </>
      )}
      {answered > 0 && (
        <section aria-labelledby="summary-heading" className="session-summary">
          <h3 id="summary-heading">This session</h3>
          <dl>
            <div>
              <dt>Cards answered</dt>
              <dd>{answered}</dd>
            </div>
            <div>
              <dt>Time</dt>
              <dd>{formatDuration(now() - startedAt)}</dd>
            </div>
            <div>
              <dt>Again rate</dt>
              <dd>{Math.round((again / answered) * 100)}%</dd>
            </div>
          </dl>
        </section>
      )}
      <p>
        <Link to="/">Back to your decks</Link>
      </p>
    </div>
  );
}

function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return minutes > 0 ? `${minutes} min ${seconds} s` : `${seconds} s`;
}

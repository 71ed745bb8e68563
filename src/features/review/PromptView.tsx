import { memo } from 'react';
import type { ClozeSegment } from '../../domain/deck/cloze';
import type { Prompt } from '../../domain/deck/prompt';
import type { TypedAnswerCheck } from '../../domain/typeDiff';
import type { ReviewPhase } from '../../stores/reviewSession';
import { CardHtml } from './CardHtml';

type Props = {
  prompt: Prompt;
  /** The deck whose media rich cards show. */
  deckId: string;
  phase: ReviewPhase;
  choice: number | null;
  onChoose: (choice: number) => void;
  typedCheck: TypedAnswerCheck | null;
};

/**
 * The question, and after reveal the answer. Card text is rendered as text (line breaks kept); a rich card's
 * HTML only through the sanitizer (CardHtml → ui/sanitizeHtml.ts).
 */
export const PromptView = memo(function PromptView({
  prompt,
  deckId,
  phase,
  choice,
  onChoose,
  typedCheck,
}: Props) {
  switch (prompt.kind) {
    case 'basic':
      return (
        <div className="prompt">
          {prompt.questionHtml !== undefined ? (
            <CardHtml deckId={deckId} html={prompt.questionHtml} className="prompt-question" />
          ) : (
            <p className="prompt-question">{prompt.question}</p>
          )}
          {phase === 'answer' && (
            <>
              <hr />
              {typedCheck && <TypedDiff check={typedCheck} />}
              <section className="prompt-answer" aria-label="Answer">
                {prompt.answerHtml !== undefined ? (
                  <CardHtml deckId={deckId} html={prompt.answerHtml} />
                ) : (
                  <p>{prompt.answer}</p>
                )}
              </section>
            </>
          )}
        </div>
      );
    case 'cloze':
      if (prompt.html)
        return (
          <div className="prompt">
            <CardHtml
              deckId={deckId}
              html={phase === 'answer' ? prompt.html.answer : prompt.html.question}
              className="prompt-question"
            />
          </div>
        );
      return (
        <div className="prompt">
          <p className="prompt-question">
            {prompt.segments.map((segment, i) => (
              // Segments are positional and never reorder.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <ClozePart key={i} segment={segment} n={prompt.n} revealed={phase === 'answer'} />
            ))}
          </p>
        </div>
      );
    case 'choice':
      return (
        <div className="prompt">
          <p className="prompt-question" id="choice-question">
            {prompt.question}
          </p>
          <ol className="choices" aria-labelledby="choice-question">
            {prompt.options.map((option, i) => {
              const isCorrect = prompt.correct.includes(i);
              const picked = choice === i;
              const verdict = phase === 'answer' ? (isCorrect ? 'correct' : picked ? 'wrong' : '') : '';
              return (
                <li key={option}>
                  <button
                    type="button"
                    className={`choice ${verdict}`}
                    aria-pressed={picked}
                    disabled={phase === 'answer'}
                    onClick={() => onChoose(i)}
                    aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
                  >
                    <span className="choice-key">{i + 1}</span> <span className="choice-text">{option}</span>
                    {verdict === 'correct' && <span className="verdict"> ✓ correct answer</span>}
                    {verdict === 'wrong' && <span className="verdict"> ✗ your answer</span>}
                  </button>
                </li>
              );
            })}
          </ol>
          {phase === 'question' && (
            <p className="key-hint choice-hint" aria-hidden="true">
              <kbd>1</kbd>–<kbd>{Math.min(9, prompt.options.length)}</kbd> choose · <kbd>Space</kbd> show the
              answer
            </p>
          )}
          {phase === 'answer' && (
            <div className="choice-feedback">
              <p
                role="status"
                className={
                  choice !== null && prompt.correct.includes(choice) ? 'feedback-right' : 'feedback-wrong'
                }
              >
                {choice === null
                  ? 'Not answered.'
                  : prompt.correct.includes(choice)
                    ? 'Correct.'
                    : 'Incorrect.'}
              </p>
              <p className="explanation">{prompt.explanation}</p>
            </div>
          )}
        </div>
      );
  }
});

function ClozePart({ segment, n, revealed }: { segment: ClozeSegment; n: number; revealed: boolean }) {
  if (segment.type === 'text') return <>{segment.text}</>;
  if (segment.n !== n) return <>{segment.answer}</>;
  if (revealed) return <mark className="cloze-answer">{segment.answer}</mark>;
  return (
    <span
      className="cloze-blank"
      role="img"
      aria-label={segment.hint ? `blank, hint: ${segment.hint}` : 'blank'}
    >
      [{segment.hint ?? '…'}]
    </span>
  );
}

function TypedDiff({ check }: { check: TypedAnswerCheck }) {
  return (
    <div className="typed-diff">
      <p>
        <span className="visually-hidden">You typed: </span>
        {check.typed.length === 0 ? (
          <em>(nothing typed)</em>
        ) : (
          check.typed.map((part, i) =>
            part.kind === 'same' ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: diff parts are positional
              <span key={i}>{part.text}</span>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: diff parts are positional
              <del key={i} className="diff-extra">
                {part.text}
              </del>
            ),
          )
        )}
      </p>
      {!check.correct && (
        <p>
          <span className="visually-hidden">Expected: </span>
          {check.expected.map((part, i) =>
            part.kind === 'same' ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: diff parts are positional
              <span key={i}>{part.text}</span>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: diff parts are positional
              <ins key={i} className="diff-missing">
                {part.text}
              </ins>
            ),
          )}
        </p>
      )}
      <p role="status">{check.correct ? 'You typed it right.' : 'Not quite: compare with the answer.'}</p>
    </div>
  );
}

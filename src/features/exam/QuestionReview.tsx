import { Link } from 'react-router';
import type { ExamAnswer, ExamQuestion } from '../../domain/exam/record';
import { isAnsweredCorrectly, isBlank } from '../../domain/exam/scoring';

type Props = {
  deckId: string;
  index: number;
  question: ExamQuestion;
  answer: ExamAnswer | undefined;
  sectionTitle: string;
};

/**
 * One question after the exam, to study from: every option as it was shown, marked "your answer" and "right
 * answer", then why (the explanation) and where to read more.
 */
export function QuestionReview({ deckId, index, question, answer, sectionTitle }: Props) {
  const right = isAnsweredCorrectly(question, answer);
  const blank = isBlank(answer);
  const picked = new Set(answer?.choice ?? []);
  const keys = new Set(question.correct);
  return (
    <li className={`question-review ${right ? 'right' : 'wrong'}`}>
      <h3>
        <span className="visually-hidden">Question </span>
        {index + 1}. {question.question}
      </h3>
      <p className={right ? 'feedback-right' : 'feedback-wrong'}>
        {right ? '✓ Correct' : blank ? '✗ Not answered' : '✗ Incorrect'}
        {answer?.flagged && <span className="exam-flag"> · flagged</span>}
      </p>
      <ol className="review-options" aria-label={`Options of question ${index + 1}`}>
        {question.options.map((option, i) => {
          const marks = [picked.has(i) ? 'your answer' : null, keys.has(i) ? 'right answer' : null].filter(
            Boolean,
          );
          const state = keys.has(i) ? 'key' : picked.has(i) ? 'picked-wrong' : '';
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: options keep their shown order
            <li key={i} className={`review-option ${state}`}>
              <span className="option-text">{option}</span>
              {marks.length > 0 && <span className="option-marks"> ({marks.join(', ')})</span>}
            </li>
          );
        })}
      </ol>
      {question.explanation && (
        <p className="explanation">
          <strong>Why: </strong>
          {question.explanation}
        </p>
      )}
      <p>
        <Link to={`/decks/${deckId}/guide#${question.section}`}>Read “{sectionTitle}” in the guide</Link>
      </p>
    </li>
  );
}

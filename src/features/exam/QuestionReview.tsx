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

const optionsText = (question: ExamQuestion, picked: readonly number[]) =>
  picked.map((i) => question.options[i] ?? '?').join('; ');

/** One question after the exam: the user's answer, the right one, the explanation and where to read more. */
export function QuestionReview({ deckId, index, question, answer, sectionTitle }: Props) {
  const right = isAnsweredCorrectly(question, answer);
  const blank = isBlank(answer);
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
      <dl className="answer-pair">
        <div>
          <dt>Your answer</dt>
          <dd>{blank ? '(blank)' : optionsText(question, answer?.choice ?? [])}</dd>
        </div>
        {!right && (
          <div>
            <dt>Right answer</dt>
            <dd>{optionsText(question, question.correct)}</dd>
          </div>
        )}
      </dl>
      {question.explanation && <p className="explanation">{question.explanation}</p>}
      <p>
        <Link to={`/decks/${deckId}/guide#${question.section}`}>Read “{sectionTitle}” in the guide</Link>
      </p>
    </li>
  );
}

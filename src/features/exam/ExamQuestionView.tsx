import type { ExamAnswer, ExamQuestion } from '../../domain/exam/record';

type Props = {
  question: ExamQuestion;
  answer: ExamAnswer;
  onChoose: (index: number) => void;
};

/** One exam question and its options. No feedback while sitting: that comes with the results. */
export function ExamQuestionView({ question, answer, onChoose }: Props) {
  const multiple = question.correct.length > 1;
  return (
    <fieldset className="exam-question">
      <legend className="exam-question-text">{question.question}</legend>
      {multiple && <p className="exam-hint">Choose {question.correct.length} answers.</p>}
      <ol className="choices">
        {question.options.map((option, i) => {
          const picked = answer.choice.includes(i);
          return (
            // Options are positional and never reorder within a question.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={i}>
              <button
                type="button"
                className={picked ? 'choice picked' : 'choice'}
                aria-pressed={picked}
                onClick={() => onChoose(i)}
                aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
              >
                <span className="choice-key">{i + 1}</span> {option}
              </button>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}

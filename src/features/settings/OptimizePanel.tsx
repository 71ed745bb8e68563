/**
 * "Optimize parameters": fits FSRS to the deck's own review history (in a worker), shows how well the current and
 * the fitted parameters predict that history, and applies the fitted ones only when the user confirms, optionally
 * rescheduling the deck's cards from their history.
 */
import { useState } from 'react';
import { useDb, useDbQuery } from '../../db/react';
import { applyFittedParameters, getFittedParameters } from '../../db/schedulerSettingsRepo';
import { now } from '../../stores/clock';
import { useOptimizer } from './useOptimizer';

const STAGES = {
  reading: 'Reading your review history…',
  fitting: 'Fitting the parameters…',
  evaluating: 'Comparing the parameters on your history…',
};

export function OptimizePanel({ deckId }: { deckId: string }) {
  const db = useDb();
  const fitted = useDbQuery((database) => getFittedParameters(database, deckId), [deckId]);
  const { state, start, reset } = useOptimizer(deckId);
  const [reschedule, setReschedule] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const running = 'phase' in state && state.phase === 'running';

  async function apply(parameters: number[] | null, reviews: number) {
    // Going back to the defaults keeps today's due dates; the defaults apply from each card's next answer.
    const rescheduling = parameters !== null && reschedule;
    const changed = await applyFittedParameters(
      db,
      deckId,
      parameters === null ? null : { parameters, fittedAt: now(), reviews },
      { reschedule: rescheduling, now: now() },
    );
    reset();
    const what = parameters === null ? 'Default parameters restored.' : 'Fitted parameters applied.';
    setMessage(rescheduling ? `${what} ${changed} card(s) rescheduled from their history.` : what);
  }

  return (
    <section className="optimize" aria-labelledby="optimize-heading">
      <h2 id="optimize-heading">FSRS parameters</h2>
      <p>
        {fitted
          ? `This deck uses parameters fitted to ${fitted.reviews.toLocaleString('en')} of your reviews on ${new Date(fitted.fittedAt).toLocaleDateString()}.`
          : 'This deck uses the default FSRS parameters.'}{' '}
        Optimizing fits the memory model to your own review history, in your browser; nothing changes until
        you apply the result.
      </p>
      <div className="form-actions">
        <button type="button" onClick={start} disabled={running}>
          Optimize parameters
        </button>
        {fitted && (
          <button type="button" onClick={() => void apply(null, 0)} disabled={running}>
            Use default parameters
          </button>
        )}
      </div>
      {running && (
        <p role="status">
          <label>
            {STAGES[state.stage]}{' '}
            <progress
              aria-label="Optimizer progress"
              max={1}
              {...(state.progress === null ? {} : { value: state.progress })}
            />
          </label>
        </p>
      )}
      {'type' in state && state.type === 'tooSmall' && (
        <p role="alert">
          Not enough history to optimize: {state.reviews.toLocaleString('en')} usable review(s), and at least{' '}
          {state.needed.toLocaleString('en')} are needed (answers on a later day than the card's previous
          answer). Keep studying and try again later.
        </p>
      )}
      {'type' in state && state.type === 'error' && (
        <p role="alert">The optimizer could not run: {state.message}</p>
      )}
      {'type' in state && state.type === 'result' && (
        <section aria-labelledby="optimize-result">
          <h3 id="optimize-result">Result on your {state.fitted.reviews.toLocaleString('en')} reviews</h3>
          <table className="optimize-table">
            <caption className="visually-hidden">Current and fitted parameters on your history</caption>
            <thead>
              <tr>
                <th scope="col">Parameters</th>
                <th scope="col">Log loss</th>
                <th scope="col">RMSE</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Current ({state.currentIsFitted ? 'fitted before' : 'defaults'})</th>
                <td>{state.current.logLoss.toFixed(4)}</td>
                <td>{(state.current.rmse * 100).toFixed(2)} %</td>
              </tr>
              <tr>
                <th scope="row">Fitted now</th>
                <td>{state.fitted.logLoss.toFixed(4)}</td>
                <td>{(state.fitted.rmse * 100).toFixed(2)} %</td>
              </tr>
            </tbody>
          </table>
          <p className="hint">
            Lower is better for both. Log loss: how surprised the model is by your answers; RMSE: how far its
            predicted recall is from your actual recall.
            {state.fitted.logLoss >= state.current.logLoss &&
              ' The fitted parameters do not predict your history better than the current ones: keeping them is wise.'}
          </p>
          <details>
            <summary>Fitted parameters</summary>
            <p className="parameters">{state.parameters.map((w) => w.toFixed(4)).join(', ')}</p>
          </details>
          <div className="field checkbox">
            <input
              id="optimize-reschedule"
              type="checkbox"
              checked={reschedule}
              onChange={(e) => setReschedule(e.target.checked)}
            />
            <label htmlFor="optimize-reschedule">Also reschedule this deck's cards from their history</label>
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="primary"
              onClick={() => void apply(state.parameters, state.fitted.reviews)}
            >
              Apply fitted parameters
            </button>
            <button type="button" onClick={reset}>
              Discard
            </button>
          </div>
        </section>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}

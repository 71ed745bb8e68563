/**
 * The optimizer worker: reads a deck's history from IndexedDB, fits FSRS parameters to it with fsrs-browser (the
 * fsrs-rs optimizer compiled to WebAssembly), and evaluates the current and the fitted parameters on the same
 * history. Nothing is stored here: the page applies the result only when the user confirms.
 */
import init, { Fsrs, Progress } from 'fsrs-browser';
import { createDb } from '../../db/database';
import {
  DEFAULT_PARAMETERS,
  evaluateParameters,
  MIN_REVIEWS_TO_FIT,
  trainingSet,
} from '../../domain/schedulerFit';
import { fitHistories } from './fitHistories';
import type { OptimizeReply, OptimizeRequest } from './optimizerMessages';

// The project's TypeScript lib is the DOM's, not the WebWorker's: this is the part of the worker scope used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<OptimizeRequest>) => void) | null;
  postMessage: (reply: OptimizeReply) => void;
  crossOriginIsolated?: boolean;
};

async function optimize({ dbName, deckId }: OptimizeRequest): Promise<void> {
  const post = (reply: OptimizeReply) => scope.postMessage(reply);
  post({ type: 'stage', stage: 'reading' });
  const db = createDb(dbName);
  const { histories, settings } = await fitHistories(db, deckId);
  db.close();
  const set = trainingSet(histories);
  if (set.reviews < MIN_REVIEWS_TO_FIT) {
    post({ type: 'tooSmall', reviews: set.reviews, needed: MIN_REVIEWS_TO_FIT });
    return;
  }
  post({ type: 'stage', stage: 'fitting' });
  const wasm = await init();
  const progress = Progress.new();
  if (scope.crossOriginIsolated && wasm.memory.buffer instanceof SharedArrayBuffer) {
    post({ type: 'progressMemory', buffer: wasm.memory.buffer, pointer: progress.pointer() });
  }
  const parameters = [...new Fsrs().computeParameters(set.ratings, set.deltas, set.lengths, progress, true)];
  post({ type: 'stage', stage: 'evaluating' });
  const current = settings.fsrsParameters ?? DEFAULT_PARAMETERS;
  post({
    type: 'result',
    parameters,
    current: evaluateParameters(current, histories),
    fitted: evaluateParameters(parameters, histories),
    currentIsFitted: settings.fsrsParameters !== undefined,
  });
}

scope.onmessage = (event) => {
  optimize(event.data).catch((error: unknown) =>
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
};

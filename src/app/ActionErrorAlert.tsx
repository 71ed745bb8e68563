import { useEffect } from 'react';
import { dismissFailure, reportFailure, useActionErrors } from '../stores/actionErrors';

/**
 * The latest failed action, in plain words, until dismissed. Also catches any promise that failed without a
 * handler, so no failure passes silently.
 */
export function ActionErrorAlert() {
  const message = useActionErrors((s) => s.message);
  useEffect(() => {
    const onUnhandled = (event: PromiseRejectionEvent) => {
      reportFailure('Something went wrong', event.reason);
    };
    window.addEventListener('unhandledrejection', onUnhandled);
    return () => window.removeEventListener('unhandledrejection', onUnhandled);
  }, []);
  if (message === null) return null;
  return (
    <div className="action-error" role="alert">
      <p>{message}</p>
      <button type="button" onClick={dismissFailure}>
        Dismiss
      </button>
    </div>
  );
}

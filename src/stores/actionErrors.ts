/**
 * Failures of user actions, said in plain words. An action that has no message area of its own reports here;
 * the layout shows the latest failure as an alert until it is dismissed.
 */
import { create } from 'zustand';

type ActionErrorState = { message: string | null };

export const useActionErrors = create<ActionErrorState>(() => ({ message: null }));

/** The error's own words, whatever was thrown. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** Shows "<what>: <reason>", e.g. "The card could not be buried: QuotaExceededError". */
export function reportFailure(what: string, error: unknown): void {
  useActionErrors.setState({ message: `${what}: ${errorText(error)}` });
}

export function dismissFailure(): void {
  useActionErrors.setState({ message: null });
}

/**
 * Runs a user action; if it fails, says `what` failed and why, instead of failing silently. Resolves to the
 * action's result, or undefined after a failure.
 */
export async function attempt<T>(what: string, action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    reportFailure(what, error);
    return undefined;
  }
}

export type ToastState = { message: string; undo?: () => Promise<void> };

/** The confirmation of an action, with Undo. Announced politely; stays until dismissed or replaced. */
export function UndoToast({ toast, onClose }: { toast: ToastState | null; onClose: () => void }) {
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast">
          <span>{toast.message}</span>
          {toast.undo && (
            <>
              {' · '}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  void toast.undo?.();
                }}
              >
                Undo
              </button>
            </>
          )}
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={onClose}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

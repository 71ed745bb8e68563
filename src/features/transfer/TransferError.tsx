/** An import or restore step's failure, announced to screen readers; nothing when there is none. */
export function TransferError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="transfer-error">
      {error}
    </p>
  );
}

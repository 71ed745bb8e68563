/** Offers text (one string, or Blob pieces to be joined) to the user as a file download. */
export function saveFile(fileName: string, text: string | Blob[], type: string): void {
  const url = URL.createObjectURL(new Blob(typeof text === 'string' ? [text] : text, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, so the download has started.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function dateStamp(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ProblemList } from '../../../src/features/transfer/ProblemList';
import { saveFile } from '../../../src/features/transfer/saveFile';
import { blobText } from '../../helpers/blobText';

vi.mock('../../../src/features/transfer/saveFile', () => ({ saveFile: vi.fn() }));

describe('ProblemList', () => {
  it('shows the first 100 problems and a count, and downloads all of them as CSV', async () => {
    const problems = Array.from({ length: 11_375 }, (_, i) => ({
      where: `q.txt line ${i + 1}`,
      reason: 'field "back" is empty',
    }));
    render(<ProblemList title="Skipped" problems={problems} />);
    const list = screen.getByRole('list');
    expect(list.children).toHaveLength(100);
    expect(screen.getByText(/…and 11,275 more \(11,375 in all\)/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Download all as CSV' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    const [name, pieces, type] = vi.mocked(saveFile).mock.calls[0] ?? [];
    expect([name, type]).toEqual(['skipped.csv', 'text/csv']);
    const lines = (await blobText(new Blob(pieces as Blob[]))).trim().split('\n');
    expect(lines.slice(0, 2)).toEqual(['where,reason', 'q.txt line 1,"field ""back"" is empty"']);
    expect(lines).toHaveLength(11_376);
  });

  it('shows the count the worker reports and downloads the list it builds', async () => {
    vi.mocked(saveFile).mockClear();
    const problems = Array.from({ length: 100 }, (_, i) => ({ where: `line ${i + 2}`, reason: 'empty' }));
    const all = new Blob(['where,reason\nline 2,empty\n'], { type: 'text/csv' });
    const downloadAll = vi.fn(async () => all);
    render(<ProblemList title="Skipped" problems={problems} total={30_000} downloadAll={downloadAll} />);
    expect(screen.getByRole('list').children).toHaveLength(100);
    expect(screen.getByText(/…and 29,900 more \(30,000 in all\)/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Download all as CSV' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledWith('skipped.csv', [all], 'text/csv'));
    expect(downloadAll).toHaveBeenCalledOnce();
  });
});

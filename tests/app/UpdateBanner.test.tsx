import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

const update = vi.fn(async () => {});
let needRefresh = false;
vi.mock('virtual:pwa-register/react', () => ({
  useRegisterSW: () => ({
    needRefresh: [needRefresh, vi.fn()],
    offlineReady: [false, vi.fn()],
    updateServiceWorker: update,
  }),
}));

const { UpdateBanner } = await import('../../src/app/UpdateBanner');

describe('UpdateBanner', () => {
  it('shows nothing while the running version is current', () => {
    needRefresh = false;
    render(<UpdateBanner />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('says a new version is ready and reloads into it only when asked', async () => {
    needRefresh = true;
    render(<UpdateBanner />);
    expect(screen.getByRole('status')).toHaveTextContent('A new version is ready');
    expect(update).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(update).toHaveBeenCalledWith(true);
  });
});

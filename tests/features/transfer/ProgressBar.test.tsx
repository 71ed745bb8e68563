import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../../src/features/transfer/ProgressBar';

describe('ProgressBar', () => {
  it.each([
    [0, 4, '0'],
    [3, 4, '75'],
    [9, 4, '100'],
    [0, 0, '0'],
  ])('%i of %i is announced as %s%', (done, total, now) => {
    render(<ProgressBar label="Restoring" done={done} total={total} />);
    expect(screen.getByRole('progressbar', { name: 'Restoring' })).toHaveAttribute('aria-valuenow', now);
  });

  it('announces no value for a stage that cannot be measured', () => {
    render(<ProgressBar label="Checking big.json" done={0} total={0} measured={false} />);
    expect(screen.getByRole('progressbar', { name: 'Checking big.json' })).not.toHaveAttribute(
      'aria-valuenow',
    );
  });
});

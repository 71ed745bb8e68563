import { describeCustomStudy } from '../../domain/customStudy';
import type { CustomInfo } from './useCustomScreen';

/** Says what kind of custom session this is, and whether answers change the schedule. */
export function CustomStudyBanner({ info }: { info: CustomInfo }) {
  return (
    <p className="custom-study-banner" role="note">
      <strong>Custom study.</strong> {describeCustomStudy(info.study)} ({info.total}{' '}
      {info.total === 1 ? 'card' : 'cards'}, {info.left} left).{' '}
      {info.writes
        ? 'Answers count as reviews and reschedule the cards.'
        : 'Answers are not saved: the schedule and the statistics stay as they were.'}
    </p>
  );
}

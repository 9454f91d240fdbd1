// A valid lecture as an organiser saves it, for the page tests and the journeys
// (each adds what its kind needs: media in storage, or an article's body).
import type { SaveLectureRequest } from '../../typings/study';

/** A 100-second video lecture under `orgId` (its media left to the caller). */
export function lectureInput(orgId: string, overrides: Partial<SaveLectureRequest> = {}): SaveLectureRequest {
  return {
    title: '安全骑行',
    speaker: '示例讲师',
    speakerTitle: '区委党校讲师',
    kind: 'video',
    durationSec: 100,
    series: '安全与健康',
    orgId,
    ...overrides,
  };
}

// What the user accepted on a tap that asked wx.requestSubscribeMessage for an
// engine's templates: the client reports the answers, and each accept of one of
// the engine's own template ids is one send more for that user (subscribe_grants).
import * as z from 'zod';
import type { SubscribeGrant } from '../../../typings/signup';
import { addGrants } from '../stores/subscribe-grants';
import { form } from '../validation';

const CHOICES = ['accept', 'reject', 'ban', 'filter'] as const;

/** wx.requestSubscribeMessage's answers as the client reports them (one per requested id, at most `max`). */
export const grantsInput = (max = 3) =>
  z
    .array(
      form(
        {
          templateId: z
            .string()
            .regex(/^[A-Za-z0-9_-]+$/, '模板编号格式不正确')
            .max(128),
          result: z.enum(CHOICES),
        },
        { templateId: '订阅消息模板', result: '订阅结果' },
      ),
    )
    .max(max);

/** Counts what the user accepted of `ours` (ids that are not the engine's are ignored). */
export async function recordAccepted(
  userId: string,
  grants: SubscribeGrant[],
  ours: readonly string[],
  now: Date,
): Promise<{ granted: string[] }> {
  const known = new Set(ours);
  const granted = [
    ...new Set(grants.filter((g) => g.result === 'accept' && known.has(g.templateId)).map((g) => g.templateId)),
  ];
  await addGrants(userId, granted, now);
  return { granted };
}

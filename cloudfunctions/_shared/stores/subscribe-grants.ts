// The subscribe_grants collection: how many subscribe messages each user has left
// per template, one document per user (_id = userId, `left.<templateId>`).
// WeChat gives one send per "accept" of a one-time template; the client reports
// what the user accepted (wx.requestSubscribeMessage) and every send takes one
// first — a guarded decrement, so two sends never spend one grant. WeChat's own
// count is the authority: when it answers 43101 the count here is set to 0.
import { COLLECTIONS } from '../collections';
import { cmd, collection, getDoc } from '../db';
import { isDuplicateKey } from '../errors';

interface GrantsDoc {
  _id: string;
  left: Record<string, number>;
  updatedAt: Date;
}

const grants = () => collection(COLLECTIONS.subscribeGrants);
const field = (templateId: string) => `left.${templateId}`;

/** Adds one send per template id (ids are WeChat's: letters, digits, - and _). One write in the common case. */
export async function addGrants(userId: string, templateIds: string[], now: Date): Promise<void> {
  if (!templateIds.length) return;
  const _ = cmd();
  const inc = Object.fromEntries(templateIds.map((t) => [field(t), _.inc(1)]));
  const { updated } = await grants()
    .where({ _id: userId })
    .update({ ...inc, updatedAt: now });
  if (updated) return;
  try {
    await grants().add({
      _id: userId,
      left: Object.fromEntries(templateIds.map((t) => [t, 1])),
      updatedAt: now,
    } satisfies GrantsDoc);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // Created by a parallel report meanwhile: increment it.
    await grants()
      .where({ _id: userId })
      .update({ ...inc, updatedAt: now });
  }
}

/** Takes one send of the template; false when none is left. */
export async function takeGrant(userId: string, templateId: string): Promise<boolean> {
  const _ = cmd();
  const { updated } = await grants()
    .where({ _id: userId, [field(templateId)]: _.gt(0) })
    .update({ [field(templateId)]: _.inc(-1) });
  return updated === 1;
}

/** WeChat says none is left (43101) or the user switched messages off (20004). */
export async function clearGrant(userId: string, templateId: string): Promise<void> {
  await grants()
    .where({ _id: userId })
    .update({ [field(templateId)]: 0 });
}

export async function grantsLeft(userId: string): Promise<Record<string, number>> {
  return (await getDoc<GrantsDoc>(COLLECTIONS.subscribeGrants, userId))?.left ?? {};
}

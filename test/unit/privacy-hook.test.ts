// The privacy hook every test transport runs (test/support/privacy.ts) fails on a
// reply that carries another user's phone, real name or openid, naming the action,
// the caller and the field — and leaves alone what is not a leak.
import { PrivacyWatch } from '../support/privacy';

const registered = { ok: true, data: {} };

function watchWithTwoUsers() {
  const watch = new PrivacyWatch();
  watch.observe('o-alice', 'user', 'login', {}, registered);
  watch.observe('o-alice', 'user', 'registerWorker', { realName: '赵保密', phone: '13812345678' }, registered);
  watch.observe('o-bob-longer', 'user', 'login', {}, registered);
  return watch;
}

it('another user’s phone inside public text is a finding naming the action, the caller and the field', () => {
  const watch = watchWithTwoUsers();
  const reply = { ok: true, data: { items: [{ deeds: '联系电话 13812345678，欢迎来电' }] } };
  expect(() => watch.observe('o-bob-longer', 'campaign', 'getCandidate', { id: 'c1' }, reply)).toThrow(
    "privacy: campaign.getCandidate replied to o-bob-longer with another user's phone (o-alice's) at $.data.items[0].deeds",
  );
});

it('another user’s real name or openid is a finding too', () => {
  const watch = watchWithTwoUsers();
  expect(() => watch.observe('o-bob-longer', 'study', 'todayQuote', {}, { ok: true, data: { by: '赵保密' } })).toThrow(
    /another user's real name \(o-alice's\) at \$\.data\.by/,
  );
  expect(() =>
    watch.observe('o-alice', 'campaign', 'myVotes', {}, { ok: true, data: { voter: 'o-bob-longer' } }),
  ).toThrow(/another user's openid \(o-bob-longer's\)/);
});

it('the caller’s own data, what the caller sent, and organiser replies are not findings', () => {
  const watch = watchWithTwoUsers();
  expect(() =>
    watch.observe('o-alice', 'user', 'getProfile', {}, { ok: true, data: { phone: '13812345678' } }),
  ).not.toThrow();
  expect(() =>
    watch.observe(
      'o-bob-longer',
      'campaign',
      'nominate',
      { nomineeName: '赵保密' },
      { ok: true, data: { nomineeName: '赵保密' } },
    ),
  ).not.toThrow();
  expect(() =>
    watch.observe('o-bob-longer', 'user', 'listUsers', {}, { ok: true, data: { items: [{ phone: '13812345678' }] } }),
  ).not.toThrow();
});

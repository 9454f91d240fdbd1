// The rider of a journey (j.me) and the world they live in, arranged through the
// functions: the org tree, an organiser of its district, and the rider registered
// in its express branch. The app signed in on launch, before that registration,
// so a journey starts where a rider would look first: 我的, whose every showing
// refreshes the profile (and then says 已登记).
import type { MyProfile } from '../../../typings/user';
import { makeAdminWith, type OrgFixture, registerWorkerWith, seedOrgsWith } from '../../support/arrange';
import type { Journey } from './journey';
import { textIn } from './screen';
import { until, waitForPage } from './steps';

/** An organiser of the fixture's district (every org the rider's cases and claims go to lies under it). */
export const ORGANISER = 'journey-organiser';

export interface RiderWorld {
  orgs: OrgFixture;
  organiser: string;
  rider: MyProfile;
}

/** The org tree, its district's organiser, and j.me registered in the express branch (快递流动党支部). */
export async function arrangeRider(j: Journey): Promise<RiderWorld> {
  const orgs = await seedOrgsWith(j.world.call);
  await makeAdminWith(j.world.call, ORGANISER, [orgs.district.id]);
  const rider = await registerWorkerWith(j.world.call, j.me, orgs.expressBranch.id);
  return { orgs, organiser: ORGANISER, rider };
}

/** The step every journey starts with: 我的 opens and shows the rider registered. */
export function openMe(j: Journey) {
  return j.step('the rider opens 我的 and sees 已登记', async () => {
    await j.mp.reLaunch('/pages/me/index');
    const me = await waitForPage(j.mp, 'pages/me/index');
    await until('「已登记」 on 我的', async () => (await textIn(me, '#register', '.t-cell')).includes('已登记'));
    return me;
  });
}

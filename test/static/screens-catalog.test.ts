// Every page of app.json has its states in the screenshot catalog, each with its
// own file: a page added without them fails here (and `npm run screenshots` refuses
// to run), so no page goes unseen.
import { CATALOG, shotName } from '../screens/catalog';
import { allPages } from '../screens/manifest';

it('lists exactly the pages of app.json', () => {
  expect(Object.keys(CATALOG).sort()).toEqual(allPages().sort());
});

it.each(allPages())('%s has a main state and uniquely named others', (page) => {
  const states = CATALOG[page]!;
  expect(states.filter((s) => s.name === '')).toHaveLength(1);
  expect(new Set(states.map((s) => s.name)).size).toBe(states.length);
  for (const s of states) expect(s.caption).toMatch(/\S/);
});

it('gives every state its own PNG name', () => {
  const names = Object.entries(CATALOG).flatMap(([page, states]) => states.map((s) => shotName(page, s)));
  expect(new Set(names).size).toBe(names.length);
  expect(names).toContain('home');
  expect(names).toContain('campaign-admin-campaign-manage-fraud');
});

import { loadPage, renderPage, tap, wxDouble } from './support/page';

const homeId = loadPage('pages/home/index');
const names = (page: ReturnType<typeof renderPage>) =>
  Array.from(page.dom!.querySelectorAll('.main--grid-name')).map((n) => n.textContent);

describe('home page', () => {
  beforeEach(() => wxDouble().reset());

  it('shows one entry per feature, by name', () => {
    const page = renderPage(homeId);
    expect(names(page)).toEqual(['每日金句', '微党课', '小哥圆桌会', '志愿服务', '最美新就业群体']);
  });

  it('when a feature is not open yet, tapping it says so and does not navigate', async () => {
    const page = renderPage(homeId);
    const item = page.querySelectorAll('.grid-item')[1]!;
    expect(item.dom!.textContent).toContain('即将开放');

    await tap(item);

    expect(wxDouble().callsOf('showToast')).toEqual([expect.objectContaining({ title: '微党课即将开放' })]);
    expect(wxDouble().callsOf('navigateTo')).toEqual([]);
  });
});

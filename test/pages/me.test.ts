import { loadPage, renderPage, textOf } from './support/page';

const meId = loadPage('pages/me/index');

describe('me page', () => {
  it('shows the version in a TDesign cell (npm component paths resolve to miniprogram_npm)', () => {
    const page = renderPage(meId);

    expect(textOf(page, '.t-cell--t-cell__title-text')).toBe('当前版本');
    expect(textOf(page, '.t-cell--t-cell__note')).toBe('开发版');
  });
});

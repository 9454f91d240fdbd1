// Every tap target a worker uses is at least 88rpx high: buttons, rows, tabs,
// chips and links on the worker pages and the components they use. The rule and
// how heights are read are in ./tap-targets/check.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_TAP_HEIGHT, smallTapTargets, TDESIGN_HEIGHTS, type Template, workerTemplates } from './tap-targets/check';
import { parseWxss } from './tap-targets/wxss';

const MINIPROGRAM = join(__dirname, '../../miniprogram');
const TDESIGN = join(MINIPROGRAM, 'miniprogram_npm/tdesign-miniprogram');

/** A template written here: WXML, its stylesheets and the custom properties it inherits. */
const template = (wxml: string, wxss = '', vars: Record<string, string> = {}): Template => ({
  file: 'fixture.wxml',
  wxml,
  sheets: [parseWxss(wxss)],
  vars,
});
const small = (wxml: string, wxss = '', vars: Record<string, string> = {}) =>
  smallTapTargets(template(wxml, wxss, vars));

describe('tap targets on worker pages', () => {
  const templates = workerTemplates(MINIPROGRAM);

  it(`are all at least ${MIN_TAP_HEIGHT}rpx high`, () => {
    expect(templates.flatMap(smallTapTargets)).toEqual([]);
  });

  it('covers the worker pages and the components they use, not the organiser pages', () => {
    const files = templates.map((t) => t.file);
    expect(files).toEqual(
      expect.arrayContaining([
        'pages/home/index.wxml',
        'packages/user/pages/register/index.wxml',
        'packages/user/components/org-picker/index.wxml',
        'packages/study/pages/lecture/components/quiz/index.wxml',
        'packages/campaign/pages/campaign/index.wxml',
        'components/list-state/index.wxml',
        'components/share-poster/index.wxml',
      ]),
    );
    expect(files.filter((f) => f.startsWith('packages/admin/') || f.includes('/pages/admin-'))).toEqual([]);
  });

  it('knows TDesign’s heights from TDesign’s own stylesheets', () => {
    const attrsFor: Record<string, Record<string, string>[]> = {
      't-button': [{ size: 'extra-small' }, { size: 'small' }, {}, { size: 'large' }],
      't-switch': [{}, { size: 'small' }, { size: 'large' }],
    };
    for (const [tag, height] of Object.entries(TDESIGN_HEIGHTS)) {
      for (const attrs of attrsFor[tag] ?? [{}]) {
        const variable = height(attrs).variable;
        if (!variable) continue;
        const css = readFileSync(join(TDESIGN, variable.file), 'utf8');
        expect(
          `${tag} ${variable.name}: ${css.match(new RegExp(`var\\(${variable.name},(?:var\\([\\w-]+,)?(\\d+)rpx\\)`))?.[1]}`,
        ).toBe(`${tag} ${variable.name}: ${variable.fallback}`);
      }
    }
  });
});

describe('the tap-target check itself', () => {
  it('names a tapped element whose classes make it lower than 88rpx, with file and line', () => {
    expect(
      small('<view>\n  <view id="x" class="row" bindtap="go">去</view>\n</view>', '.row { padding: 8rpx 0; }'),
    ).toEqual(['fixture.wxml:2 <view#x.row> 16rpx']);
    expect(small('<view class="row" catch:tap="go" />', '')).toHaveLength(1);
  });

  it('passes one whose classes give min-height, height, or padding plus line-height of 88rpx', () => {
    expect(small('<view class="row" bindtap="go" />', '.row { min-height: 88rpx; }')).toEqual([]);
    expect(small('<image class="photo" bindtap="go" />', '.photo { height: 200rpx; }')).toEqual([]);
    expect(small('<view class="a b" bindtap="go" />', '.a { padding: 20rpx 0; } .b { line-height: 48rpx; }')).toEqual(
      [],
    );
    expect(small('<view class="a" bindtap="go" />', '.a { padding: 20rpx 0; line-height: 47rpx; }')).toHaveLength(1);
  });

  it('counts only the element’s own class rules (a descendant selector is not read)', () => {
    expect(small('<view class="row" bindtap="go" />', '.list .row { min-height: 88rpx; }')).toHaveLength(1);
  });

  it('needs a box for a tapped <text>: min-height does nothing to an inline element', () => {
    expect(small('<text class="link" bindtap="go">链接</text>', '.link { min-height: 88rpx; }')).toHaveLength(1);
    expect(
      small('<text class="link" bindtap="go">链接</text>', '.link { display: inline-flex; min-height: 88rpx; }'),
    ).toEqual([]);
  });

  it('judges TDesign buttons by size and by the theme variable app.wxss sets', () => {
    expect(small('<t-button size="small" bind:tap="go" />', '', { '--td-button-small-height': '64rpx' })).toHaveLength(
      1,
    );
    expect(small('<t-button bind:tap="go" />')).toEqual(['fixture.wxml:1 <t-button> 80rpx']);
    expect(small('<t-button bind:tap="go" />', '', { '--td-button-medium-height': '88rpx' })).toEqual([]);
    expect(small('<t-button size="large" open-type="share" />')).toEqual([]);
  });

  it('lets a switch or checkbox be smaller only inside a row that is itself a passing tap target', () => {
    expect(small('<t-cell title="是否党员"><t-switch /></t-cell>')).toEqual(['fixture.wxml:1 <t-switch> 56rpx']);
    expect(small('<t-cell title="是否党员" bind:click="toggle"><t-switch /></t-cell>')).toEqual([]);
    expect(small('<t-checkbox block="{{false}}" />')).toHaveLength(1);
    expect(small('<t-checkbox />')).toEqual([]);
  });

  it('lets a picker pass through the tall element it wraps', () => {
    expect(small('<picker bindchange="pick"><t-cell title="日期" /></picker>')).toEqual([]);
    expect(
      small('<picker bindchange="pick"><view class="small">日期</view></picker>', '.small { padding: 4rpx; }'),
    ).toHaveLength(1);
  });
});

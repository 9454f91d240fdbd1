import type { Wrap } from '../../../miniprogram/components/share-poster/index';
import { type Measure, wrapLines } from '../../../miniprogram/components/share-poster/wrap';
import {
  POSTER_HEIGHT,
  POSTER_WIDTH,
  posterLayout as layout,
  type PosterInput,
  type PosterOp,
} from '../../../miniprogram/packages/campaign/pages/poster/layout';

/** A stand-in for the canvas's measureText: CJK and full-width characters 1 em, others about 0.55 em. */
const textWidth: Measure = (text, size) => {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? size : size * 0.55;
  return w;
};
const wrap: Wrap = (text, o) => wrapLines(text, o, textWidth);
const posterLayout = (input: PosterInput & { hasPhoto: boolean }) => layout(input, wrap, input.hasPhoto);

const input: PosterInput & { hasPhoto: boolean } = {
  campaignTitle: '2026 年度最美新就业群体评选',
  number: 'A007',
  name: '张小快',
  categoryName: '最美快递小哥',
  platform: '示例快递公司',
  hasPhoto: true,
};

const texts = (ops: PosterOp[]) => ops.flatMap((o) => (o.kind === 'text' ? [o.text] : []));
const images = (ops: PosterOp[]) => ops.flatMap((o) => (o.kind === 'image' ? [o] : []));

describe('candidate poster layout', () => {
  it('draws the campaign title, number, name, category and platform, the photo and the mini-program code', () => {
    const { width, height, ops } = posterLayout(input);

    expect([width, height]).toEqual([POSTER_WIDTH, POSTER_HEIGHT]);
    expect(texts(ops)).toEqual(
      expect.arrayContaining([
        '2026 年度最美新就业群体评选',
        '编号 A007',
        '张小快',
        '最美快递小哥 · 示例快递公司',
        '长按识别小程序码',
      ]),
    );
    expect(images(ops).map((i) => i.slot)).toEqual(['photo', 'code']);
    const code = images(ops).find((i) => i.slot === 'code')!;
    expect(code.w).toBe(code.h);
    expect(code.w).toBeGreaterThanOrEqual(120);
  });

  it('keeps everything inside the poster, and the photo above the name above the code', () => {
    const { ops } = posterLayout(input);
    for (const op of ops) {
      if (op.kind === 'text') {
        const w = textWidth(op.text, op.size);
        const left = op.align === 'center' ? op.x - w / 2 : op.x;
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left + w).toBeLessThanOrEqual(POSTER_WIDTH);
        expect(op.y).toBeLessThanOrEqual(POSTER_HEIGHT);
      } else if (op.kind !== 'line') {
        expect(op.x).toBeGreaterThanOrEqual(0);
        expect(op.x + op.w).toBeLessThanOrEqual(POSTER_WIDTH);
        expect(op.y + op.h).toBeLessThanOrEqual(POSTER_HEIGHT);
      }
    }
    const photo = images(ops).find((i) => i.slot === 'photo')!;
    const name = ops.find((o) => o.kind === 'text' && o.text === '张小快') as { y: number };
    const code = images(ops).find((i) => i.slot === 'code')!;
    expect(photo.y + photo.h).toBeLessThan(name.y);
    expect(name.y).toBeLessThan(code.y);
  });

  it('without a photo draws a placeholder with the number instead', () => {
    const { ops } = posterLayout({ ...input, hasPhoto: false });

    expect(images(ops).map((i) => i.slot)).toEqual(['code']);
    expect(texts(ops).filter((t) => t === 'A007')).toHaveLength(1);
  });

  it('wraps a long title onto two lines and ends an overflowing one with an ellipsis; a long name stays on one line', () => {
    const long = '某某市某某区 2026 年度“最美快递小哥、最美外卖小哥、最美网约车司机、最美网络主播”推选活动';
    const { ops } = posterLayout({ ...input, campaignTitle: long, name: '阿卜杜热合曼·买买提艾力阿卜杜拉' });
    const titleLines = ops.filter((o) => o.kind === 'text' && o.size === 34);

    expect(titleLines).toHaveLength(2);
    expect((titleLines[1] as { text: string }).text.endsWith('…')).toBe(true);
    const name = ops.find((o) => o.kind === 'text' && o.size === 48) as { text: string };
    expect(textWidth(name.text, 48)).toBeLessThanOrEqual(POSTER_WIDTH - 80);
  });
});

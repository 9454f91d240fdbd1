import type { Wrap } from '../../../miniprogram/components/share-poster/index';
import { type Measure, wrapLines } from '../../../miniprogram/components/share-poster/wrap';
import {
  layoutPoster as layout,
  POSTER,
  quotePosterOps,
} from '../../../miniprogram/packages/study/pages/poster/layout';

/** A monospace stand-in for measureText: CJK and full-width characters 1 em, ASCII half. */
const measure: Measure = (text, size) => [...text].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1) * size, 0);
/** The poster canvas's wrapper, measuring with the stand-in. */
const wrap: Wrap = (text, o) => wrapLines(text, o, measure);
const layoutPoster = (quote: Parameters<typeof layout>[0]) => layout(quote, wrap);

describe('poster layout', () => {
  const quote = {
    text: '路漫漫其修远兮，吾将上下而求索。不忘初心，方得始终；奔跑的每一步都算数。',
    source: '屈原《离骚》',
    day: '2026-11-28',
  };

  it('stacks header, quote lines, source, divider and the code, all inside the poster', () => {
    const l = layoutPoster(quote);
    const inner = POSTER.width - POSTER.padding * 2;

    expect(l.width).toBe(POSTER.width);
    expect(l.header.date.text).toBe('2026-11-28');
    expect(l.lines.map((x) => x.text).join('')).toBe(quote.text);
    expect(l.lines[0]!.y).toBeGreaterThan(l.header.height);
    l.lines.forEach((line, i) => {
      expect(line.x).toBe(POSTER.padding);
      expect(measure(line.text, line.fontSize)).toBeLessThanOrEqual(inner + line.fontSize);
      if (i) expect(line.y - l.lines[i - 1]!.y).toBe(POSTER.lineHeight);
    });
    const last = l.lines[l.lines.length - 1]!;
    expect(l.source).toMatchObject({ text: '—— 屈原《离骚》', align: 'right', x: POSTER.width - POSTER.padding });
    expect(l.source.y).toBeGreaterThan(last.y);
    expect(l.divider.y).toBeGreaterThan(l.source.y);
    expect(l.code.y).toBeGreaterThan(l.divider.y);
    expect(l.code.x + l.code.size).toBeLessThanOrEqual(POSTER.width);
    expect(l.height).toBe(l.code.y + l.code.size + POSTER.padding);
    for (const c of l.caption) {
      expect(c.x).toBeGreaterThan(l.code.x + l.code.size);
      expect(c.y).toBeGreaterThan(l.code.y);
      expect(c.y).toBeLessThan(l.code.y + l.code.size);
    }
  });

  it('grows with the text: one more line, one line-height taller', () => {
    const short = layoutPoster({ ...quote, text: '一'.repeat(10) });
    const longer = layoutPoster({ ...quote, text: '一'.repeat(20) });
    expect(short.lines).toHaveLength(1);
    expect(longer.lines).toHaveLength(2);
    expect(longer.height - short.height).toBe(POSTER.lineHeight);
  });

  it('never grows past the line limit', () => {
    const l = layoutPoster({ ...quote, text: '很'.repeat(500) });
    expect(l.lines).toHaveLength(POSTER.maxLines);
    expect(l.lines[POSTER.maxLines - 1]!.text.endsWith('…')).toBe(true);
  });

  it('draws it as operations: the red header, the quote lines, the source, the divider and the code', () => {
    const { width, height, ops } = quotePosterOps(layoutPoster(quote));
    const texts = ops.flatMap((o) => (o.kind === 'text' ? [o.text] : []));

    expect(ops[0]).toMatchObject({ kind: 'rect', x: 0, y: 0, w: width, h: height });
    expect(ops[1]).toMatchObject({ kind: 'rect', color: '#c8161d', h: POSTER.headerHeight });
    expect(texts.slice(0, 2)).toEqual(['每日金句', '2026-11-28']);
    expect(texts.join('')).toContain(quote.text);
    expect(texts).toEqual(expect.arrayContaining(['—— 屈原《离骚》', '长按识别小程序码', '每天一句 打卡学习']));
    expect(ops.filter((o) => o.kind === 'line')).toHaveLength(1);
    expect(ops.filter((o) => o.kind === 'image')).toEqual([
      expect.objectContaining({ slot: 'code', w: POSTER.codeSize }),
    ]);
  });
});

import {
  clampLines,
  layoutPoster,
  type Measure,
  POSTER,
  wrapText,
} from '../../../miniprogram/packages/study/utils/poster-layout';

/** A monospace stand-in for measureText: CJK and full-width characters 1 em, ASCII half. */
const measure: Measure = (text, size) => [...text].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1) * size, 0);

describe('poster line wrapping', () => {
  it('fills each line up to the width and keeps every character, in order', () => {
    const text = '学而时习之，不亦说乎？有朋自远方来，不亦乐乎？人不知而不愠，不亦君子乎？';
    const lines = wrapText(text, 10 * 18, 18, measure);

    expect(lines.join('')).toBe(text);
    for (const line of lines) expect(measure(line, 18)).toBeLessThanOrEqual(11 * 18);
    expect(lines[0]).toBe('学而时习之，不亦说乎？');
    expect(lines.length).toBe(4);
  });

  it('hangs closing punctuation on the line before instead of starting a line with it', () => {
    const lines = wrapText('一二三四五六七八九十。十一', 10 * 10, 10, measure);
    expect(lines).toEqual(['一二三四五六七八九十。', '十一']);
    for (const line of lines) expect(line[0]).not.toMatch(/[，。、；：？！）》」”]/);
  });

  it('moves an opening bracket down with what it opens', () => {
    const lines = wrapText('一二三四五六七八九《离骚》', 10 * 10, 10, measure);
    expect(lines).toEqual(['一二三四五六七八九', '《离骚》']);
  });

  it('keeps Latin words whole and breaks a word wider than the line by character', () => {
    // 20 ASCII characters fit.
    expect(wrapText('Stay true to the mission', 10 * 10, 10, measure)).toEqual(['Stay true to the', 'mission']);
    const long = wrapText('abcdefghijklmnopqrstuvwxyz', 5 * 10, 10, measure);
    expect(long.join('')).toBe('abcdefghijklmnopqrstuvwxyz');
    expect(long.every((l) => measure(l, 10) <= 50)).toBe(true);
  });

  it('keeps explicit line breaks and drops surrounding spaces', () => {
    expect(wrapText('  第一行 \n第二行', 100, 10, measure)).toEqual(['第一行', '第二行']);
  });

  it('cuts text beyond the line limit with an ellipsis that fits', () => {
    const lines = wrapText('很'.repeat(100), 10 * 10, 10, measure);
    const kept = clampLines(lines, 3, 10 * 10, 10, measure);
    expect(kept).toHaveLength(3);
    expect(kept[2]!.endsWith('…')).toBe(true);
    expect(measure(kept[2]!, 10)).toBeLessThanOrEqual(100);
    expect(clampLines(['一', '二'], 3, 100, 10, measure)).toEqual(['一', '二']);
  });
});

describe('poster layout', () => {
  const quote = {
    text: '路漫漫其修远兮，吾将上下而求索。不忘初心，方得始终；奔跑的每一步都算数。',
    source: '屈原《离骚》',
    day: '2026-11-28',
  };

  it('stacks header, quote lines, source, divider and the code, all inside the poster', () => {
    const l = layoutPoster(quote, measure);
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
    const short = layoutPoster({ ...quote, text: '一'.repeat(10) }, measure);
    const longer = layoutPoster({ ...quote, text: '一'.repeat(20) }, measure);
    expect(short.lines).toHaveLength(1);
    expect(longer.lines).toHaveLength(2);
    expect(longer.height - short.height).toBe(POSTER.lineHeight);
  });

  it('never grows past the line limit', () => {
    const l = layoutPoster({ ...quote, text: '很'.repeat(500) }, measure);
    expect(l.lines).toHaveLength(POSTER.maxLines);
    expect(l.lines[POSTER.maxLines - 1]!.text.endsWith('…')).toBe(true);
  });
});

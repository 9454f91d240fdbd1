// The one text wrapper of the share posters (components/share-poster/wrap): it
// breaks where the canvas's own measure says a line is full.
import { clampLines, type Measure, wrapLines, wrapText } from '../../../miniprogram/components/share-poster/wrap';

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

describe('poster lines with a limit (wrapLines)', () => {
  it('never splits a text that fits, and fills each line to the width', () => {
    const o = { maxWidth: 100, size: 20, maxLines: 2 };
    expect(wrapLines('最美快递小哥', { ...o, maxWidth: 200 }, measure)).toEqual(['最美快递小哥']);
    expect(wrapLines('一二三四五六七八九十', o, measure)).toEqual(['一二三四五', '六七八九十']);
  });

  it('ends the last allowed line with an ellipsis that fits', () => {
    const o = { maxWidth: 100, size: 20, maxLines: 2 };
    expect(wrapLines('一二三四五六七八九十十一', o, measure)).toEqual(['一二三四五', '六七八九…']);
  });

  it('measures in the font the text is drawn in (bold is wider on the canvas)', () => {
    const seen: (boolean | undefined)[] = [];
    const recording: Measure = (text, size, bold) => {
      seen.push(bold);
      return measure(text, size) * (bold ? 1.2 : 1);
    };
    expect(wrapLines('一二三四五', { maxWidth: 100, size: 20, maxLines: 2, bold: true }, recording)).toEqual([
      '一二三四',
      '五',
    ]);
    expect(new Set(seen)).toEqual(new Set([true]));
  });
});

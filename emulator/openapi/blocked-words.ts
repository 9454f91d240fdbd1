// The words the content-security stand-in treats as risky. Obviously test-only
// defaults, so real-looking content always passes unless a test opts in.

export const DEFAULT_BLOCKED_WORDS: readonly string[] = ['违禁词', '敏感词测试', 'blocked-word'];

/** Comma-separated override for the default list. */
export const BLOCKED_WORDS_ENV = 'EMULATOR_BLOCKED_WORDS';

/** Constructor option first, then the environment variable, then the defaults. */
export function initialBlockedWords(option: readonly string[] | undefined, env = process.env): string[] {
  if (option) return [...option];
  const fromEnv = env[BLOCKED_WORDS_ENV];
  if (fromEnv && fromEnv.trim()) {
    return fromEnv
      .split(',')
      .map((w) => w.trim())
      .filter(Boolean);
  }
  return [...DEFAULT_BLOCKED_WORDS];
}

/** Case-insensitive, and blind to whitespace, so "违 禁 词" or "Blocked-Word" still hit. */
const normalize = (s: string) => s.replace(/\s+/gu, '').toLowerCase();

/** The first listed word the text contains, or null. */
export function findBlockedWord(text: string, words: readonly string[]): string | null {
  const haystack = normalize(text);
  for (const word of words) {
    const needle = normalize(word);
    if (needle && haystack.includes(needle)) return word;
  }
  return null;
}

/** Validates a replacement list (PUT /_emulator/openapi/blocked-words). */
export function parseWordList(value: unknown): string[] | { error: string } {
  if (!Array.isArray(value)) return { error: 'expected a JSON array of strings' };
  if (!value.every((w) => typeof w === 'string' && w.trim() !== '')) {
    return { error: 'every blocked word must be a non-empty string' };
  }
  return value.map((w: string) => w.trim());
}

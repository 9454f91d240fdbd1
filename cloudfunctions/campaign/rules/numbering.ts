// Public candidate numbers and the default categories (pure).

/** Category letter + three digits: A001, B012… */
export function candidateNumber(categoryIndex: number, seq: number): string {
  return `${String.fromCharCode(65 + categoryIndex)}${String(seq).padStart(3, '0')}`;
}

export const DEFAULT_CATEGORIES = [
  { key: 'courier', name: '最美快递小哥', quota: 5 },
  { key: 'delivery', name: '最美外卖小哥', quota: 5 },
  { key: 'ride', name: '最美网约车司机', quota: 5 },
  { key: 'streamer', name: '最美网络主播', quota: 5 },
];

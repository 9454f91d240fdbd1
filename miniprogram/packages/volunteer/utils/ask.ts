// What the organiser pages ask before an action: a reason (shown to the member,
// audited) in WeChat's editable modal, and a number of hours.

/** The typed reason, or null when cancelled or left too short (then a toast says so). */
export async function askReason(title: string, placeholder: string, confirmText: string): Promise<string | null> {
  const { confirm, content } = await wx.showModal({
    title,
    editable: true,
    placeholderText: placeholder,
    confirmText,
    confirmColor: '#C8161D',
  });
  if (!confirm) return null;
  const reason = (content ?? '').trim();
  if ([...reason].length < 2) {
    wx.showToast({ title: '请填写原因（至少 2 个字）', icon: 'none' });
    return null;
  }
  return reason;
}

/**
 * Hours to grant, at most `maxMinutes` (typed as hours, e.g. 1.5), as whole
 * minutes; null when cancelled or out of range (a toast says the range).
 */
export async function askHours(title: string, maxMinutes: number): Promise<number | null> {
  const maxHours = Math.floor((maxMinutes / 60) * 100) / 100;
  const { confirm, content } = await wx.showModal({
    title,
    editable: true,
    placeholderText: `小时数，最多 ${maxHours}`,
    confirmText: '下一步',
  });
  if (!confirm) return null;
  const minutes = Math.round(Number((content ?? '').trim()) * 60);
  if (!Number.isFinite(minutes) || minutes < 1 || minutes > maxMinutes) {
    wx.showToast({ title: `请填写 0–${maxHours} 之间的小时数`, icon: 'none' });
    return null;
  }
  return minutes;
}

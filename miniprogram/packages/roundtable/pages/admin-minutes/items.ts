// The minutes form's items (the page and its minutes-items sections share them).
export interface ItemForm {
  /** Stable key for wx:key while items are added and removed. */
  key: string;
  text: string;
  department: string;
}

/** A section holds at most this many items (the server's limit). */
export const MAX_ITEMS = 50;

let seq = 0;
export const newItem = (text = '', department = ''): ItemForm => ({ key: `i${++seq}`, text, department });

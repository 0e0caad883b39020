import type { ModerationMark, ModState, PhotoCheck } from './schemas';

/**
 * Who sees what of an item under moderation: pure, used by every list and detail that shows residents' text.
 * - review (WeChat unsure, or WeChat unreachable when it was written) and hidden: only its author and the staff who
 *   moderate it; others do not get it at all (a list skips it, a detail is 404 as for an item that is not there);
 * - a photo: shown to others once WeChat's push said pass; pending to its author and staff only; risky to no one.
 */
export interface Reader {
  author: boolean;
  staff: boolean;
}

export function shownTo(state: ModState | undefined, reader: Reader): boolean {
  return !state || reader.author || reader.staff;
}

export function photoShownTo(check: PhotoCheck | undefined, reader: Reader): boolean {
  if (!check || check === 'pass') return true;
  if (check === 'risky') return false;
  return reader.author || reader.staff;
}

/** The attribute on the content item that holds one photo's verdict: a short, stable name per upload key. */
export function photoCheckAttr(photoKey: string): string {
  // FNV-1a, 32 bits twice (two seeds): the same in the browser and in node, no crypto import
  const h = (seed: number) => {
    let x = seed;
    for (let i = 0; i < photoKey.length; i++) {
      x ^= photoKey.charCodeAt(i);
      x = Math.imul(x, 0x01000193) >>> 0;
    }
    return x.toString(16).padStart(8, '0');
  };
  return `pc_${h(0x811c9dc5)}${h(0x1b873593)}`;
}

/** The mark the author and staff see; nothing for an item shown to all. */
export function markOf(item: { modState?: ModState; modReason?: string }, photosHeld: number, reader: Reader): ModerationMark | undefined {
  if (!reader.author && !reader.staff) return undefined;
  if (!item.modState && !photosHeld) return undefined;
  return { state: item.modState ?? 'review', ...(item.modState === 'hidden' && item.modReason ? { reason: item.modReason } : {}), ...(photosHeld ? { photosHeld } : {}) };
}

/** The photos a reader sees of an item, and how many are held back from others. */
export function visiblePhotos(item: object, photoKeys: readonly string[], reader: Reader): { shown: string[]; held: number } {
  const shown: string[] = [];
  let held = 0;
  for (const key of photoKeys) {
    const check = (item as Record<string, unknown>)[photoCheckAttr(key)] as PhotoCheck | undefined;
    if (check && check !== 'pass') held += 1;
    if (photoShownTo(check, reader)) shown.push(key);
  }
  return { shown, held };
}

export const reasonLabels: Record<string, [string, string]> = {
  abuse: ['辱骂攻击', 'Abuse'],
  vulgar: ['色情低俗', 'Vulgar'],
  ads: ['广告骚扰', 'Advertising'],
  fraud: ['诈骗', 'Fraud'],
  privacy: ['泄露隐私', 'Reveals private information'],
  illegal: ['违法违规', 'Illegal'],
  other: ['其他', 'Other'],
};

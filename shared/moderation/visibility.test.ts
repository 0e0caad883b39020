import { markOf, photoCheckAttr, photoShownTo, shownTo, visiblePhotos } from './visibility';

const neighbour = { author: false, staff: false };
const author = { author: true, staff: false };
const staff = { author: false, staff: true };

describe('who sees an item under moderation', () => {
  it('shows an item in review or hidden only to its author and staff', () => {
    for (const state of ['review', 'hidden'] as const) {
      expect(shownTo(state, neighbour)).toBe(false);
      expect(shownTo(state, author)).toBe(true);
      expect(shownTo(state, staff)).toBe(true);
    }
    expect(shownTo(undefined, neighbour)).toBe(true);
  });

  it('shows a photo to neighbours only once it passed, and a risky one to nobody', () => {
    expect(photoShownTo('pending', neighbour)).toBe(false);
    expect(photoShownTo('pending', author)).toBe(true);
    expect(photoShownTo('pass', neighbour)).toBe(true);
    expect(photoShownTo(undefined, neighbour)).toBe(true);
    expect(photoShownTo('risky', author)).toBe(false);
    expect(photoShownTo('risky', staff)).toBe(false);
  });

  it('counts the photos held back and marks the item for its author with the reason it was hidden', () => {
    const item = { modState: 'hidden' as const, modReason: '含有辱骂内容', [photoCheckAttr('uploads/u1/a.jpg')]: 'pending', [photoCheckAttr('uploads/u1/b.jpg')]: 'pass' };
    const seen = visiblePhotos(item, ['uploads/u1/a.jpg', 'uploads/u1/b.jpg'], neighbour);
    expect(seen).toEqual({ shown: ['uploads/u1/b.jpg'], held: 1 });
    expect(markOf(item, seen.held, author)).toEqual({ state: 'hidden', reason: '含有辱骂内容', photosHeld: 1 });
    expect(markOf(item, seen.held, neighbour)).toBeUndefined();
  });

  it('names each photo’s attribute apart and the same every time', () => {
    expect(photoCheckAttr('uploads/u1/a.jpg')).toBe(photoCheckAttr('uploads/u1/a.jpg'));
    expect(photoCheckAttr('uploads/u1/a.jpg')).not.toBe(photoCheckAttr('uploads/u1/b.jpg'));
    expect(photoCheckAttr('uploads/u1/a.jpg')).toMatch(/^pc_[0-9a-f]{16}$/);
  });
});

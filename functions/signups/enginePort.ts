import type { ReservationEngine } from '../platform/ports';
import { availabilityOf, cancel, getPlace, getPlaces, getReservation, newPlace, placeItem, reserve, type PlaceRecord } from './reservations';

/**
 * The reservation engine as a port (platform/ports.ts, bound in functions/ports.ts): elder care books its slots on the
 * same code that books shifts and events, not a copy of it.
 */
export const reservationEngine: ReservationEngine = {
  newPlaceWrite: (p) => ({ put: placeItem(newPlace(p as Omit<PlaceRecord, 'free' | 'taken' | 'waiting' | 'waitSeq' | 'head'>)), if: { expr: 'attribute_not_exists(#pk)' } }),
  getPlace: (ctx, id) => getPlace(ctx, id),
  getPlaces: (ctx, ids) => getPlaces(ctx, ids),
  getReservation: (ctx, placeId, userId) => getReservation(ctx, placeId, userId),
  reserve: (ctx, place, holder) => reserve(ctx, place as PlaceRecord, holder, 0),
  cancel: (ctx, placeId, userId) => cancel(ctx, placeId, userId),
  availabilityOf: (p) => availabilityOf(p as PlaceRecord),
};

import { elderCareApi } from '../../shared/elderCare/api';
import { route } from '../platform/http';
import { book, cancelBooking, myBookings, orderMeals } from './commands/bookings';
import { acknowledge, communityEmergencies, getEmergency, resolve, sendEmergency } from './commands/emergency';
import { confirmFamilyLink, familyCode, home, putProfile, requestFamilyLink } from './commands/family';
import { createProvider, createSlots, getMenu, listProviders, listSlots, putMenu } from './commands/providers';
import { acceptBooking, providerBookings, rateBooking, serveBooking } from './commands/serve';

const e = elderCareApi;
export const routes = [
  route(e.home, (ctx) => home(ctx)),
  route(e.putProfile, (ctx, { body }) => putProfile(ctx, body)),
  route(e.menu, (ctx, { params }) => getMenu(ctx, params.subdistrictId)),
  route(e.putMenu, (ctx, { params, body }) => putMenu(ctx, params.subdistrictId, body)),
  route(e.createProvider, (ctx, { body }) => createProvider(ctx, body)),
  route(e.providers, (ctx, { params }) => listProviders(ctx, params.communityId)),
  route(e.createSlots, (ctx, { body }) => createSlots(ctx, body)),
  route(e.slots, (ctx, { params, query }) => listSlots(ctx, params.communityId, query)),
  route(e.book, (ctx, { body }) => book(ctx, body)),
  route(e.orderMeals, (ctx, { body }) => orderMeals(ctx, body)),
  route(e.myBookings, (ctx, { query }) => myBookings(ctx, query)),
  route(e.cancel, (ctx, { params }) => cancelBooking(ctx, params.bookingId)),
  route(e.accept, (ctx, { params }) => acceptBooking(ctx, params.bookingId)),
  route(e.serve, (ctx, { params, body }) => serveBooking(ctx, params.bookingId, body)),
  route(e.rate, (ctx, { params, body }) => rateBooking(ctx, params.bookingId, body)),
  route(e.providerBookings, (ctx, { params, query }) => providerBookings(ctx, params.providerId, query)),
  route(e.familyCode, (ctx) => familyCode(ctx)),
  route(e.requestFamilyLink, (ctx, { body }) => requestFamilyLink(ctx, body)),
  route(e.confirmFamilyLink, (ctx, { params }) => confirmFamilyLink(ctx, params.familyId)),
  route(e.emergency, (ctx, { body }) => sendEmergency(ctx, body)),
  route(e.getEmergency, (ctx, { params }) => getEmergency(ctx, params.emergencyId)),
  route(e.acknowledge, (ctx, { params }) => acknowledge(ctx, params.emergencyId)),
  route(e.resolve, (ctx, { params, body }) => resolve(ctx, params.emergencyId, body)),
  route(e.communityEmergencies, (ctx, { params }) => communityEmergencies(ctx, params.communityId)),
];

import { z } from 'zod';
import { endpoint, Id, Page } from '../http';
import {
  BookInput,
  Booking,
  BookingsQuery,
  CreateProviderInput,
  CreateSlotsInput,
  ElderCareHome,
  ElderProfile,
  ElderProfileInput,
  Emergency,
  EmergencyInput,
  FamilyCode,
  FamilyLink,
  MealOrderInput,
  MealOrderResult,
  Provider,
  ProviderBookingsQuery,
  PutMenuInput,
  RateInput,
  RequestFamilyLinkInput,
  ResolveEmergencyInput,
  ServeInput,
  ServiceMenu,
  Slot,
  SlotsQuery,
} from './schemas';

const BookingParams = z.object({ bookingId: z.string().regex(/^[A-Za-z0-9_-]{1,64}~[A-Za-z0-9_-]{1,64}$/, 'booking id') });
const EmergencyParams = z.object({ emergencyId: Id });

/** 为老服务: registered in shared/api.ts as `elderCare`; the elderCare function imports only this. */
export const elderCareApi = {
  home: endpoint({ method: 'GET', path: '/me/elder-care', summary: 'My elder-care home: my profile and eligibility, the menu, the elders I book for', response: ElderCareHome }),
  putProfile: endpoint({ method: 'PUT', path: '/me/elder-care/profile', summary: 'My birth year (高龄 is computed from it; no full birth date is kept)', body: ElderProfileInput, response: ElderProfile }),
  menu: endpoint({ method: 'GET', path: '/subdistricts/{subdistrictId}/elder-care/menu', summary: "The sub-district's 6+X service menu", params: z.object({ subdistrictId: Id }), response: ServiceMenu }),
  putMenu: endpoint({ method: 'PUT', path: '/subdistricts/{subdistrictId}/elder-care/menu', summary: 'Officers: set the menu (prices, subsidies, delivery)', params: z.object({ subdistrictId: Id }), body: PutMenuInput, response: ServiceMenu }),
  createProvider: endpoint({ method: 'POST', path: '/elder-care/providers', summary: 'Workers: add a provider with its service points', body: CreateProviderInput, response: Provider, status: 201, idempotent: true, limit: 'elderCareSetup' }),
  providers: endpoint({ method: 'GET', path: '/communities/{communityId}/elder-care/providers', summary: "A community's providers", params: z.object({ communityId: Id }), response: z.object({ items: z.array(Provider) }) }),
  createSlots: endpoint({ method: 'POST', path: '/elder-care/slots', summary: 'Workers or the provider: open bookable slots (a week of meals in one request)', body: CreateSlotsInput, response: z.object({ items: z.array(Slot) }), status: 201, idempotent: true, limit: 'elderCareSetup' }),
  slots: endpoint({ method: 'GET', path: '/communities/{communityId}/elder-care/slots', summary: "A community's slots still open for booking, soonest first", params: z.object({ communityId: Id }), query: SlotsQuery, response: z.object({ items: z.array(Slot) }) }),
  book: endpoint({ method: 'POST', path: '/elder-care/bookings', summary: 'Book a slot for myself, an elder I am family of, or (a worker, with consent) a resident', body: BookInput, response: Booking, status: 201, idempotent: true }),
  orderMeals: endpoint({ method: 'POST', path: '/elder-care/meal-orders', summary: 'Order meals for several days (a week) in one request', body: MealOrderInput, response: MealOrderResult, status: 201, idempotent: true }),
  myBookings: endpoint({ method: 'GET', path: '/me/elder-care/bookings', summary: "My bookings (or a linked elder's), newest first", query: BookingsQuery, response: Page(Booking) }),
  cancel: endpoint({ method: 'POST', path: '/elder-care/bookings/{bookingId}/cancel', summary: 'Cancel before the cut-off (frees the place; the waitlist moves up)', params: BookingParams, response: Booking }),
  accept: endpoint({ method: 'POST', path: '/elder-care/bookings/{bookingId}/accept', summary: 'The provider confirms it will serve', params: BookingParams, response: Booking, limit: 'elderCareService' }),
  serve: endpoint({ method: 'POST', path: '/elder-care/bookings/{bookingId}/serve', summary: 'The provider marks it served, with a photo', params: BookingParams, body: ServeInput, response: Booking, limit: 'elderCareService' }),
  rate: endpoint({ method: 'POST', path: '/elder-care/bookings/{bookingId}/rating', summary: 'The elder (or family) rates a served booking 1-5', params: BookingParams, body: RateInput, response: Booking }),
  providerBookings: endpoint({ method: 'GET', path: '/elder-care/providers/{providerId}/bookings', summary: "A provider's bookings of a day (today by default)", params: z.object({ providerId: Id }), query: ProviderBookingsQuery, response: z.object({ items: z.array(Booking) }) }),
  familyCode: endpoint({ method: 'POST', path: '/me/elder-care/family-code', summary: 'The elder: a code to give family (valid 24 hours)', response: FamilyCode, limit: 'familyCode' }),
  requestFamilyLink: endpoint({ method: 'POST', path: '/elder-care/family-links', summary: "Family: ask to be linked to an elder by the elder's code", body: RequestFamilyLinkInput, response: FamilyLink, status: 201, limit: 'familyLink' }),
  confirmFamilyLink: endpoint({ method: 'POST', path: '/me/elder-care/family/{familyId}/confirm', summary: 'The elder confirms a family link', params: z.object({ familyId: Id }), response: FamilyLink }),
  emergency: endpoint({ method: 'POST', path: '/elder-care/emergencies', summary: '助急: one tap sends a help request with location to the grid worker and family', body: EmergencyInput, response: Emergency, status: 201, idempotent: true }),
  getEmergency: endpoint({ method: 'GET', path: '/elder-care/emergencies/{emergencyId}', summary: 'One help request', params: EmergencyParams, response: Emergency }),
  acknowledge: endpoint({ method: 'POST', path: '/elder-care/emergencies/{emergencyId}/acknowledge', summary: 'I am on it (stops the escalation)', params: EmergencyParams, response: Emergency }),
  resolve: endpoint({ method: 'POST', path: '/elder-care/emergencies/{emergencyId}/resolve', summary: 'Resolved, with a note', params: EmergencyParams, body: ResolveEmergencyInput, response: Emergency }),
  communityEmergencies: endpoint({ method: 'GET', path: '/communities/{communityId}/elder-care/emergencies', summary: "Staff: a community's help requests, newest first", params: z.object({ communityId: Id }), response: z.object({ items: z.array(Emergency) }) }),
};


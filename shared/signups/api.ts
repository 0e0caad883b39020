import { z } from 'zod';
import { Cursor, endpoint, Id, Page } from '../http';
import {
  Activity,
  ActivityDetail,
  AddMemberInput,
  Attendance,
  CancelInput,
  Certificate,
  CertificateCheck,
  CertificateFile,
  CompleteHelpRequestInput,
  ConfirmHoursInput,
  CreateActivityInput,
  CreateEventInput,
  CreateHelpRequestInput,
  CreateTeamInput,
  CulturalEvent,
  EditActivityInput,
  EditEventInput,
  EventDetail,
  GrantTimeInput,
  HelpRequest,
  HoursEntry,
  HoursLedger,
  IssueCertificateInput,
  QrCode,
  RegisterInput,
  RegisterVolunteerInput,
  Reservation,
  Roster,
  ScanInput,
  TeamDetail,
  TicketInput,
  TimeBankAccount,
  TimeGrants,
  TimeGrantsQuery,
  TimeBankSettings,
  TimeBankSettingsInput,
  Volunteer,
  VolunteerTeam,
} from './schemas';

const ActivityParams = z.object({ activityId: Id });
const ShiftParams = z.object({ shiftId: Id });
const EventParams = z.object({ eventId: Id });
const TeamParams = z.object({ teamId: Id });
const RequestParams = z.object({ requestId: Id });
const CommunityParams = z.object({ communityId: Id });
const PageQuery = z.object({ cursor: Cursor, limit: z.coerce.number().int().min(1).max(100).optional() }).strict();

/** Sign-ups: volunteers and teams, activities and shifts, check-in and hours, certificates, the time bank, events. */
export const signupsApi = {
  // volunteers and teams
  registerVolunteer: endpoint({ method: 'PUT', path: '/me/volunteer', summary: 'Register (or update) me as a volunteer', body: RegisterVolunteerInput, response: Volunteer }),
  myVolunteer: endpoint({ method: 'GET', path: '/me/volunteer', summary: 'My volunteer registration, if any', response: z.object({ volunteer: Volunteer.nullable() }) }),
  createTeam: endpoint({ method: 'POST', path: '/volunteer-teams', summary: 'Form a volunteer team (organizer)', body: CreateTeamInput, response: TeamDetail, status: 201, idempotent: true, limit: 'eventPost' }),
  unitTeams: endpoint({ method: 'GET', path: '/units/{unitId}/volunteer-teams', summary: 'The volunteer teams of a unit, a page at a time', params: z.object({ unitId: Id }), query: PageQuery, response: Page(VolunteerTeam) }),
  team: endpoint({ method: 'GET', path: '/volunteer-teams/{teamId}', summary: 'A team and its roster', params: TeamParams, response: TeamDetail }),
  addTeamMember: endpoint({ method: 'POST', path: '/volunteer-teams/{teamId}/members', summary: 'Put a volunteer on the roster (leader or organizer)', params: TeamParams, body: AddMemberInput, response: TeamDetail, limit: 'roster' }),

  // activities and shifts
  createActivity: endpoint({ method: 'POST', path: '/activities', summary: 'Post a volunteer activity with its shifts, as a draft', body: CreateActivityInput, response: ActivityDetail, status: 201, idempotent: true, limit: 'eventPost' }),
  communityActivities: endpoint({
    method: 'GET',
    path: '/communities/{communityId}/activities',
    summary: 'Activities for a community (and its sub-district) not over yet, the soonest to end first, a page at a time',
    params: CommunityParams,
    query: PageQuery,
    response: Page(Activity),
  }),
  activity: endpoint({ method: 'GET', path: '/activities/{activityId}', summary: 'An activity, its shifts, their places and my signups', params: ActivityParams, response: ActivityDetail }),
  editActivity: endpoint({ method: 'PATCH', path: '/activities/{activityId}', summary: 'Change an activity (text, places, slots; never times)', params: ActivityParams, body: EditActivityInput, response: ActivityDetail, limit: 'eventPost' }),
  publishActivity: endpoint({ method: 'POST', path: '/activities/{activityId}/publish', summary: 'Open the shifts for sign-up', params: ActivityParams, response: ActivityDetail, limit: 'eventPost' }),
  cancelActivity: endpoint({ method: 'POST', path: '/activities/{activityId}/cancel', summary: 'Cancel the activity; everyone signed up is told', params: ActivityParams, body: CancelInput, response: ActivityDetail, limit: 'eventPost' }),
  signUp: endpoint({ method: 'POST', path: '/shifts/{shiftId}/signup', summary: 'Sign up for a shift (or join its waitlist)', params: ShiftParams, response: Reservation, status: 201, idempotent: true }),
  cancelSignup: endpoint({ method: 'POST', path: '/shifts/{shiftId}/signup/cancel', summary: 'Give back my place (or leave the waitlist)', params: ShiftParams, response: Reservation }),
  shiftRoster: endpoint({ method: 'GET', path: '/shifts/{shiftId}/roster', summary: 'Who signed up, who waits, who came (organizer)', params: ShiftParams, response: Roster }),
  shiftQr: endpoint({ method: 'GET', path: '/shifts/{shiftId}/qr', summary: "The shift's current check-in code (organizer); it rotates", params: ShiftParams, response: QrCode }),
  checkIn: endpoint({ method: 'POST', path: '/shifts/{shiftId}/check-in', summary: 'Check in by scanning the code', params: ShiftParams, body: ScanInput, response: Reservation }),
  checkOut: endpoint({ method: 'POST', path: '/shifts/{shiftId}/check-out', summary: 'Check out by scanning the code', params: ShiftParams, body: ScanInput, response: Reservation }),
  confirmHours: endpoint({
    method: 'POST',
    path: '/shifts/{shiftId}/hours/{userId}',
    summary: "Confirm (or adjust, with a reason) a volunteer's hours (the activity's organizer)",
    params: z.object({ shiftId: Id, userId: Id }),
    body: ConfirmHoursInput,
    response: HoursEntry,
    limit: 'roster',
  }),
  mySignups: endpoint({ method: 'GET', path: '/me/signups', summary: 'My shifts and event registrations not over yet, the soonest to end first', query: PageQuery, response: Page(Reservation) }),

  // hours and certificates
  myHours: endpoint({ method: 'GET', path: '/me/hours', summary: 'My service-hours ledger and total', response: HoursLedger }),
  volunteerHours: endpoint({ method: 'GET', path: '/volunteers/{userId}/hours', summary: "A volunteer's ledger (the volunteer, or staff over their community)", params: z.object({ userId: Id }), response: HoursLedger }),
  issueCertificate: endpoint({ method: 'POST', path: '/me/certificates', summary: 'A certificate of my service hours for a period', body: IssueCertificateInput, response: Certificate, status: 201, idempotent: true, limit: 'certificate' }),
  certificateFile: endpoint({
    method: 'GET',
    path: '/me/certificates/{serial}/pdf',
    summary: 'My certificate as a PDF (base64 in the body)',
    params: z.object({ serial: Id }),
    response: CertificateFile,
  }),
  verifyCertificate: endpoint({ method: 'GET', path: '/certificates/{serial}', summary: 'Check a certificate by its serial number', auth: 'public', params: z.object({ serial: Id }), response: CertificateCheck }),

  // time bank
  timeBankSettings: endpoint({ method: 'GET', path: '/subdistricts/{subdistrictId}/time-bank/settings', summary: 'The age bands of the time bank', params: z.object({ subdistrictId: Id }), response: TimeBankSettings }),
  putTimeBankSettings: endpoint({
    method: 'PUT',
    path: '/subdistricts/{subdistrictId}/time-bank/settings',
    summary: 'Change the age bands',
    params: z.object({ subdistrictId: Id }),
    body: TimeBankSettingsInput,
    response: TimeBankSettings,
  }),
  myTimeBank: endpoint({ method: 'GET', path: '/me/time-bank', summary: 'My time bank balance and every movement', response: TimeBankAccount }),
  createHelpRequest: endpoint({ method: 'POST', path: '/time-bank/requests', summary: 'Ask for help (an older resident, or a worker for them)', body: CreateHelpRequestInput, response: HelpRequest, status: 201, idempotent: true, limit: 'helpRequest' }),
  communityHelpRequests: endpoint({
    method: 'GET',
    path: '/communities/{communityId}/time-bank/requests',
    summary: 'Help requests of a community from a week back on, soonest first, a page at a time',
    params: CommunityParams,
    query: PageQuery,
    response: Page(HelpRequest),
  }),
  takeHelpRequest: endpoint({ method: 'POST', path: '/time-bank/requests/{requestId}/take', summary: 'Take a help request (a younger elder)', params: RequestParams, response: HelpRequest }),
  completeHelpRequest: endpoint({
    method: 'POST',
    path: '/time-bank/requests/{requestId}/complete',
    summary: 'Confirm the help was given: the hours move',
    params: RequestParams,
    body: CompleteHelpRequestInput,
    response: HelpRequest,
  }),
  grantTime: endpoint({
    method: 'POST',
    path: '/time-bank/accounts/{userId}/grants',
    summary: "Credit an older resident's time bank (a worker)",
    params: z.object({ userId: Id }),
    body: GrantTimeInput,
    response: TimeBankAccount,
    idempotent: true,
    limit: 'timeGrant',
  }),
  timeGrants: endpoint({
    method: 'GET',
    path: '/subdistricts/{subdistrictId}/time-bank/grants',
    summary: "A month of the sub-district's time-bank grants: the allotment, what was granted, and who granted whom (officers)",
    params: z.object({ subdistrictId: Id }),
    query: TimeGrantsQuery,
    response: TimeGrants,
  }),

  // events
  createEvent: endpoint({ method: 'POST', path: '/events', summary: 'Post a cultural event', body: CreateEventInput, response: EventDetail, status: 201, idempotent: true, limit: 'eventPost' }),
  communityEvents: endpoint({
    method: 'GET',
    path: '/communities/{communityId}/events',
    summary: 'Running and coming events for a community (and its sub-district), the soonest to end first, a page at a time',
    params: CommunityParams,
    query: PageQuery,
    response: Page(CulturalEvent),
  }),
  event: endpoint({ method: 'GET', path: '/events/{eventId}', summary: 'An event, its places and my registration', params: EventParams, response: EventDetail }),
  editEvent: endpoint({
    method: 'PATCH',
    path: '/events/{eventId}',
    summary: 'Change an event (time until the cut-off, capacity never below taken); everyone registered is told of a new time or place',
    params: EventParams,
    body: EditEventInput,
    response: EventDetail,
    limit: 'eventPost',
  }),
  register: endpoint({ method: 'POST', path: '/events/{eventId}/registration', summary: 'Register (with companions), or join the waitlist', params: EventParams, body: RegisterInput, response: Reservation, status: 201, idempotent: true }),
  cancelRegistration: endpoint({ method: 'POST', path: '/events/{eventId}/registration/cancel', summary: 'Give back my places', params: EventParams, response: Reservation }),
  checkInTicket: endpoint({ method: 'POST', path: '/events/{eventId}/check-in', summary: 'Check a ticket in at the door (organizer)', params: EventParams, body: TicketInput, response: Reservation, limit: 'doorCheckIn' }),
  attendance: endpoint({ method: 'GET', path: '/events/{eventId}/attendance', summary: 'Registrations and who came (organizer)', params: EventParams, response: Attendance }),
  cancelEvent: endpoint({ method: 'POST', path: '/events/{eventId}/cancel', summary: 'Cancel the event; everyone registered is told', params: EventParams, body: CancelInput, response: EventDetail, limit: 'eventPost' }),
} as const;

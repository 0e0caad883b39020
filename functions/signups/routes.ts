import { signupsApi } from '../../shared/signups/api';
import { route } from '../platform/http';
import { activityDetail, cancelActivity, communityActivities, createActivity, editActivity, publishActivity } from './commands/activities';
import { attendance, cancelEvent, cancelRegistration, checkInTicket, communityEvents, createEvent, editEvent, eventDetail, register } from './commands/events';
import { certificateFile, issueCertificate, myHours, verifyCertificate, volunteerHours } from './commands/hours';
import { cancelSignup, checkIn, checkOut, confirmHours, mySignups, shiftQr, shiftRoster, signUp } from './commands/shifts';
import {
  communityHelpRequests,
  completeHelpRequest,
  createHelpRequest,
  grantTime,
  timeGrants,
  myTimeBank,
  putTimeBankSettings,
  takeHelpRequest,
  timeBankSettings,
} from './commands/timeBank';
import { addTeamMember, createTeam, myVolunteer, registerVolunteer, team, unitTeams } from './commands/volunteers';

const s = signupsApi;
export const routes = [
  route(s.registerVolunteer, (ctx, { body }) => registerVolunteer(ctx, body)),
  route(s.myVolunteer, (ctx) => myVolunteer(ctx)),
  route(s.createTeam, (ctx, { body }) => createTeam(ctx, body)),
  route(s.unitTeams, (ctx, { params, query }) => unitTeams(ctx, params.unitId, query)),
  route(s.team, (ctx, { params }) => team(ctx, params.teamId)),
  route(s.addTeamMember, (ctx, { params, body }) => addTeamMember(ctx, params.teamId, body)),

  route(s.createActivity, (ctx, { body }) => createActivity(ctx, body)),
  route(s.communityActivities, (ctx, { params, query }) => communityActivities(ctx, params.communityId, query)),
  route(s.activity, (ctx, { params }) => activityDetail(ctx, params.activityId)),
  route(s.editActivity, (ctx, { params, body }) => editActivity(ctx, params.activityId, body)),
  route(s.publishActivity, (ctx, { params }) => publishActivity(ctx, params.activityId)),
  route(s.cancelActivity, (ctx, { params, body }) => cancelActivity(ctx, params.activityId, body.reason)),
  route(s.signUp, (ctx, { params }) => signUp(ctx, params.shiftId)),
  route(s.cancelSignup, (ctx, { params }) => cancelSignup(ctx, params.shiftId)),
  route(s.shiftRoster, (ctx, { params }) => shiftRoster(ctx, params.shiftId)),
  route(s.shiftQr, (ctx, { params }) => shiftQr(ctx, params.shiftId)),
  route(s.checkIn, (ctx, { params, body }) => checkIn(ctx, params.shiftId, body.token)),
  route(s.checkOut, (ctx, { params, body }) => checkOut(ctx, params.shiftId, body.token)),
  route(s.confirmHours, (ctx, { params, body }) => confirmHours(ctx, params.shiftId, params.userId, body)),
  route(s.mySignups, (ctx, { query }) => mySignups(ctx, query)),

  route(s.myHours, (ctx) => myHours(ctx)),
  route(s.volunteerHours, (ctx, { params }) => volunteerHours(ctx, params.userId)),
  route(s.issueCertificate, (ctx, { body }) => issueCertificate(ctx, body)),
  route(s.certificateFile, (ctx, { params }) => certificateFile(ctx, params.serial)),
  route(s.verifyCertificate, (ctx, { params }) => verifyCertificate(ctx, params.serial)),

  route(s.timeBankSettings, (ctx, { params }) => timeBankSettings(ctx, params.subdistrictId)),
  route(s.putTimeBankSettings, (ctx, { params, body }) => putTimeBankSettings(ctx, params.subdistrictId, body)),
  route(s.myTimeBank, (ctx) => myTimeBank(ctx)),
  route(s.createHelpRequest, (ctx, { body }) => createHelpRequest(ctx, body)),
  route(s.communityHelpRequests, (ctx, { params, query }) => communityHelpRequests(ctx, params.communityId, query)),
  route(s.takeHelpRequest, (ctx, { params }) => takeHelpRequest(ctx, params.requestId)),
  route(s.completeHelpRequest, (ctx, { params, body }) => completeHelpRequest(ctx, params.requestId, body.minutes)),
  route(s.grantTime, (ctx, { params, body }) => grantTime(ctx, params.userId, body)),
  route(s.timeGrants, (ctx, { params, query }) => timeGrants(ctx, params.subdistrictId, query)),

  route(s.createEvent, (ctx, { body }) => createEvent(ctx, body)),
  route(s.communityEvents, (ctx, { params, query }) => communityEvents(ctx, params.communityId, query)),
  route(s.event, (ctx, { params }) => eventDetail(ctx, params.eventId)),
  route(s.editEvent, (ctx, { params, body }) => editEvent(ctx, params.eventId, body)),
  route(s.register, (ctx, { params, body }) => register(ctx, params.eventId, body)),
  route(s.cancelRegistration, (ctx, { params }) => cancelRegistration(ctx, params.eventId)),
  route(s.checkInTicket, (ctx, { params, body }) => checkInTicket(ctx, params.eventId, body.ticket)),
  route(s.attendance, (ctx, { params }) => attendance(ctx, params.eventId)),
  route(s.cancelEvent, (ctx, { params, body }) => cancelEvent(ctx, params.eventId, body.reason)),
];

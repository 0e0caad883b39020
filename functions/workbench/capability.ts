import { workbenchApi } from '../../shared/workbench/api';
import { capability, endpointsOf } from '../platform/capability';

export const workbenchCapability = capability('workbench', {
  functions: {
    // reads only, other capabilities' queues by their documented keys (functions/workbench/README.md lists each):
    // org's binding requests and say-it day sessions (COMMUNITY#), relief's queues, must-visits and grid applications
    // (RQUEUE#, MVISITS#, RGRID#), the five lists by state and by unit and the score ledger (FLSTATE#, FLUNIT#,
    // FLSCORE#), announcements by unit (ANNUNIT#), sign-ups' activities, events, places, teams and hours (ACTIVITIES#,
    // EVENTS#, PLACE#, ACTIVITY#, TEAM#, TEAMS#, HOURS#), the tree (UNITS) and names (USER#)
    workbench: {
      handler: 'functions/workbench/handler.handler',
      description: "workbench - each staff role's tasks with honest counts, overdue first; volunteers' and teams' hours for staff",
      endpoints: endpointsOf(workbenchApi),
      needs: {
        table: {
          read: ['UNITS', 'USER#', 'COMMUNITY#', 'RQUEUE#', 'MVISITS#', 'RGRID#', 'FLSTATE#', 'FLUNIT#', 'FLSCORE#', 'ANNUNIT#', 'ACTIVITIES#', 'EVENTS#', 'PLACE#', 'ACTIVITY#', 'TEAM#', 'TEAMS#', 'HOURS#', 'MODQ#', 'MODQSD#'],
        },
        secrets: ['tokenSecret'],
      },
    },
  },
  errors: [],
});

import { microProjectsApi } from '../../shared/microProjects/api';
import { capability, endpointsOf } from '../platform/capability';

export const microProjectsCapability = capability('microProjects', {
  functions: {
    // a community's projects and spending are one partition (MPROJ#), the sub-district's list is gsi1 (MPROJSD#); a
    // proposal reads the matter (MATTER#) or the council (COMMUNITY#) it comes from; receipts are uploads kept by tag
    microProjects: {
      handler: 'functions/microProjects/handler.handler',
      description: "micro-projects for residents - proposals from matters and resolutions, budget approval, spending with receipts, the community's public accounts",
      endpoints: endpointsOf(microProjectsApi),
      needs: {
        // USER# and wechatSecret: titles, descriptions and spending items go to WeChat's msgSecCheck as their author
        table: { read: ['MPROJ#', 'MPROJSD#', 'MATTER#', 'COMMUNITY#', 'IDEMP#', 'UNITS', 'USER#'], write: ['MPROJ#', 'FIG#', 'FIGSD#', 'IDEMP#'] },
        bucket: { read: ['uploads/'], tag: ['uploads/'] },
        secrets: ['tokenSecret', 'wechatSecret'],
      },
    },
  },
  errors: ['CONTENT_RISKY', 'PROJECT_SOURCE_INVALID', 'PROJECT_WRONG_STATE', 'BUDGET_EXCEEDED', 'SPENT_ON_IN_FUTURE', 'REASON_REQUIRED', 'STALE_VERSION', 'UPLOAD_NOT_YOURS'],
});

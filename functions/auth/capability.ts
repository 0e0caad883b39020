import { authApi } from '../../shared/auth/api';
import { capability, endpointsOf } from '../platform/capability';

export const authCapability = capability('auth', {
  functions: {
    auth: {
      handler: 'functions/auth/handler.handler',
      description: 'WeChat login, tokens, me',
      endpoints: endpointsOf(authApi),
      needs: { table: { read: ['OPENID#', 'REFRESH#', 'USER#'], write: ['OPENID#', 'REFRESH#', 'USER#'], delete: ['REFRESH#'] }, secrets: ['tokenSecret', 'wechatSecret'] },
    },
  },
  errors: ['INVALID_REFRESH_TOKEN', 'WECHAT_LOGIN_FAILED'],
});

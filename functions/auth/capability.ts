import { authApi } from '../../shared/auth/api';
import { capability, endpointsOf } from '../platform/capability';

export const authCapability = capability('auth', {
  functions: {
    auth: {
      handler: 'functions/auth/handler.handler',
      description: 'WeChat login, tokens, me',
      endpoints: endpointsOf(authApi),
      needs: { table: { read: ['AUTHV#', 'OPENID#', 'REFRESH#', 'USER#'], write: ['AUTHV#', 'OPENID#', 'REFRESH#', 'USER#'] }, secrets: ['tokenSecret', 'wechatSecret'] },
    },
  },
  errors: ['INVALID_REFRESH_TOKEN', 'TOKEN_REVOKED', 'WECHAT_LOGIN_FAILED'],
});

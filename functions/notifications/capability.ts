import { notificationsApi } from '../../shared/notifications/api';
import { capability, endpointsOf } from '../platform/capability';

export const notificationsCapability = capability('notifications', {
  functions: {
    notifications: {
      handler: 'functions/notifications/handler.handler',
      description: "inbox, subscribe-message grants, WeChat's message push",
      endpoints: endpointsOf(notificationsApi),
      // the message push also carries WeChat's verdicts on photos (wxa_media_check): the trace says which item's photo
      // (MEDIACHECK#), whose verdict is set on the item (MATTER#, CONSULT#, an announcement's attachment ANN#, an event's poster EVENT#) and a
      // doubtful one queued (MODITEM#), the author of a risky staff photo told (USER#)
      needs: { table: { read: ['DEADLETTERS', 'MEDIACHECK#', 'OPENID#', 'USER#'], write: ['ANN#', 'CONSULT#', 'EVENT#', 'MATTER#', 'MODITEM#', 'USER#'] }, secrets: ['tokenSecret', 'wechatPushToken', 'wechatPushAesKey'] },
    },
    // The outbox is drained by this one schedule (and scripts/start.ts every few seconds locally): a subscribe message
    // a minute late costs nothing, and one drain path behaves the same locally and in the cloud.
    drainOutbox: {
      handler: 'functions/notifications/jobs.drainOutboxHandler',
      description: 'send pending notifications (WeChat subscribe messages) from the outbox',
      schedule: 'rate(1 minute)',
      timeout: 55,
      reservedConcurrency: 1,
      needs: { table: { read: ['OUTBOXDUE#', 'USER#'], write: ['OUTBOX#', 'USER#', 'DEADLETTERS'], delete: ['OUTBOX#'] }, secrets: ['wechatSecret'] },
    },
  },
});

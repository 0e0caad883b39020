import { loadDeps } from '../platform/context';
import { job } from '../platform/job';
import { notificationsCapability } from './capability';
import { drainOutbox } from './sender';

/** EventBridge (every minute) and the local stack's timer call this, as its declared function (the guard checks it). */
export const drainOutboxJob = job(notificationsCapability.functions.drainOutbox!, drainOutbox);
export const drainOutboxHandler = async () => drainOutboxJob(await loadDeps());

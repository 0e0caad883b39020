import { defaultDeps } from '../platform/context';
import { drainOutbox } from './sender';

/** EventBridge (every minute) and the local stack's timer call this. */
export const drainOutboxHandler = () => drainOutbox(defaultDeps());

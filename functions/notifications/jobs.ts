import { loadDeps } from '../platform/context';
import { drainOutbox } from './sender';

/** EventBridge (every minute) and the local stack's timer call this. */
export const drainOutboxHandler = async () => drainOutbox(await loadDeps());

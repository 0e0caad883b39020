import { httpHandler } from '../platform/http';
import { fiveListsCapability } from './capability';
import { routes } from './routes';

export const handler = httpHandler(routes, fiveListsCapability.functions.fiveLists!);

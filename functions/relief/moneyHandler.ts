import { reliefCapability } from './capability';
import { httpHandler } from '../platform/http';
import { moneyRoutes } from './moneyRoutes';

/** reliefMoney: disbursements, figures, import, registry, visits (serverless.yml) */
export const handler = httpHandler(moneyRoutes, reliefCapability.functions.reliefMoney!);

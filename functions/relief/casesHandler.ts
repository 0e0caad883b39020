import { reliefCapability } from './capability';
import { httpHandler } from '../platform/http';
import { casesRoutes } from './casesRoutes';

/** reliefCases: applications, review, reveal (serverless.yml) */
export const handler = httpHandler(casesRoutes, reliefCapability.functions.reliefCases!);

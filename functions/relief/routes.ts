import { casesRoutes } from './casesRoutes';
import { moneyRoutes } from './moneyRoutes';

/** All relief routes (the local app and the tests). In the cloud they are two functions: casesHandler, moneyHandler. */
export const routes = [...casesRoutes, ...moneyRoutes];

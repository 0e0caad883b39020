import { z } from 'zod';
import { endpoint } from '../http';
import { ClientConfig } from '../notifications/schemas';

/** Liveness and the client config: registered in shared/api.ts as `platform`. */
export const platformApi = {
  health: endpoint({ method: 'GET', path: '/health', summary: 'Liveness', auth: 'public', response: z.object({ ok: z.literal(true), time: z.string() }) }),
  config: endpoint({ method: 'GET', path: '/config', summary: 'What the mini-program needs to know before login', auth: 'public', response: ClientConfig }),
};

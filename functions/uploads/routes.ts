import { api } from '../../shared/api';
import { route } from '../platform/http';
import { createUpload } from './commands/createUpload';

export const routes = [route(api.uploads.create, (ctx, { body }) => createUpload(ctx, body))];

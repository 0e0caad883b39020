import { uploadsApi } from '../../shared/uploads/api';
import { route } from '../platform/http';
import { createUpload } from './commands/createUpload';

export const routes = [route(uploadsApi.create, (ctx, { body }) => createUpload(ctx, body))];

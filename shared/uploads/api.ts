import { endpoint } from '../http';
import { CreateUploadInput, Upload } from './schemas';

/** Photo uploads: registered in shared/api.ts as `uploads`; the uploads function imports only this. */
export const uploadsApi = {
  create: endpoint({ method: 'POST', path: '/uploads', summary: 'A presigned POST for one photo', body: CreateUploadInput, response: Upload, status: 201, limit: 'upload' }),
};

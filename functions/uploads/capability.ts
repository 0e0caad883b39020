import { uploadsApi } from '../../shared/uploads/api';
import { capability, endpointsOf } from '../platform/capability';

export const uploadsCapability = capability('uploads', {
  functions: {
    uploads: {
      handler: 'functions/uploads/handler.handler',
      description: 'presigned POSTs for photos',
      endpoints: endpointsOf(uploadsApi),
      needs: { table: {}, bucket: { read: ['uploads/'], write: ['uploads/'], tag: ['uploads/'] }, secrets: ['tokenSecret'] },
    },
  },
});

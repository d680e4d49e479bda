export { createBlobRoutes, DEFAULT_MAX_UPLOAD_BYTES, type BlobRoutes, type BlobRoutesOptions } from './routes';
export type { BlobDb, BlobDevice, BlobLog } from './types';

// What server/blobs needs from the rest of the centre.
export type { Queryable as BlobDb } from '../db/types';
export type { Log as BlobLog } from '../log';

/** The device the caller authenticated (Authorization: Bearer <deviceId>.<secret>). */
export interface BlobDevice {
  id: string;
}
